package eu.eccp.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.reporting.ReportId;

import eu.eccp.shared.Upload;

/**
 * Every submitted report has its indicators extracted (description, details, saved e-mails) and stored with
 * it, once, even when the event is processed again.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-report-indicators" })
@ActiveProfiles("test")
class ReportIndicatorExtractionTests {

	static final String DESCRIPTION = "The mail linked to hxxps://secure-login[.]bank-verify[.]com/account and asked "
			+ "me to pay FR14 2004 1010 0505 0001 3M02 606. Version 2.4.1 of invoice.pdf attached.";

	@Autowired
	ReportIntake intake;

	@Autowired
	ReportCorrelation correlation;

	@Autowired
	ReportRepository reports;

	@Autowired
	ReportIndicatorRepository indicators;

	@Autowired
	IndicatorExtractor extractor;

	@Autowired
	JdbcClient jdbc;

	@Test
	void indicatorsOfAReportAreExtractedAndStoredOnceEvenWhenReplayed() throws Exception {
		String eml = """
				Return-Path: <alerts@bank-verify.com>
				Received: from mail.bank-verify.com (mail.bank-verify.com [185.199.108.153]) by mx.example.org
				From: "Your Bank" <alerts@bank-verify.com>
				To: victim@example.org
				Subject: Verify your account
				Content-Type: text/plain; charset=utf-8

				Please confirm at https://bank-verify.com/confirm today.
				""";
		ReportDraft draft = new ReportDraft("PHISHING", "FR", List.of("FR"), null, null, null, DESCRIPTION,
				new ReportDraft.Details(List.of("hxxp://bank-verify[.]com/login"), List.of(), List.of("06 12 34 56 78"),
						List.of(), List.of(), List.of()),
				null, false, false, null, null, null, false);
		String reference = intake.submitPublic(draft, List.of(file("mail.eml", eml)), "PUBLIC_WEB", "192.0.2.44").reference();
		ReportId id = new ReportId(jdbc.sql("SELECT id FROM report WHERE reference = :r").param("r", reference)
			.query(java.util.UUID.class).single());

		List<ReportIndicator> stored = await(id);
		assertThat(stored).extracting(ReportIndicator::type, ReportIndicator::value)
			.contains(org.assertj.core.groups.Tuple.tuple("URL", "https://secure-login.bank-verify.com/account"),
					org.assertj.core.groups.Tuple.tuple("IBAN", "FR1420041010050500013M02606"),
					org.assertj.core.groups.Tuple.tuple("URL", "http://bank-verify.com/login"),
					org.assertj.core.groups.Tuple.tuple("PHONE", "+33612345678"),
					org.assertj.core.groups.Tuple.tuple("EMAIL", "alerts@bank-verify.com"),
					org.assertj.core.groups.Tuple.tuple("IPV4", "185.199.108.153"));
		assertThat(stored).extracting(ReportIndicator::value).doesNotContain("2.4.1", "invoice.pdf");
		assertThat(stored).filteredOn(i -> i.source().equals("description")).extracting(ReportIndicator::value)
			.as("the report page shows what the library (and so the CLI and the API) finds in the same text")
			.containsExactlyInAnyOrderElementsOf(extractor.extract(DESCRIPTION, ExtractionOptions.forRegion("FR"))
				.stream().map(i -> i.value()).toList());

		int before = stored.size();
		correlation.process(reports.findForProcessing(List.of(id)), eu.eccp.correlation.HitAnnouncement.eachBatch());
		assertThat(indicators.find(id)).as("processing a report again stores the same indicators once").hasSize(before);
	}

	List<ReportIndicator> await(ReportId id) {
		return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> indicators.find(id), found -> !found.isEmpty());
	}

	static Upload file(String name, String content) {
		return Upload.of(name, content.getBytes(StandardCharsets.UTF_8));
	}
}
