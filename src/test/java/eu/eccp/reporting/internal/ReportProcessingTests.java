package eu.eccp.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import eu.eccp.correlation.Sightings;
import eu.eccp.reporting.ReportProcessingBacklog;
import eu.eccp.reporting.Reports;

/**
 * The processing queue and the import jobs survive what a crash leaves behind: claims of a node that died are
 * taken over, a report whose correlation fails is retried with a growing wait (and counted as failing
 * meanwhile) until it succeeds, and an import interrupted in the middle is resumed from its last chunk.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-report-processing-tests",
		"eccp.reporting.processing.max-backoff=1s", "eccp.reporting.processing.failing-after=1",
		"eccp.reporting.processing.poll-interval=200ms", "eccp.reporting.processing.lease=3s",
		"eccp.reporting.processing.watch-interval=500ms", "eccp.reporting.processing.import-chunk=100" })
@ActiveProfiles("test")
class ReportProcessingTests {

	@Autowired
	ReportIntake intake;

	@Autowired
	Reports facade;

	@Autowired
	ReporterStatus status;

	@Autowired
	JdbcClient jdbc;

	@MockitoSpyBean
	Sightings sightings;

	@Value("${eccp.data-dir}")
	Path dataDir;

	@Test
	void aReportWhoseCorrelationFailsIsRetriedUntilItSucceedsAndCountsAsFailingMeanwhile() {
		String marker = "retry-" + UUID.randomUUID().toString().substring(0, 8);
		AtomicInteger failures = eu.eccp.FailingSightings.failFirst(sightings, marker, 3);

		String reference = intake.submitPublic(draft("https://" + marker + ".xyz/login"), List.of(), "PUBLIC_API",
				"203.0.113.9").reference();
		UUID id = jdbc.sql("SELECT id FROM report WHERE reference = :r").param("r", reference).query(UUID.class).single();

		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			ReportProcessingBacklog backlog = facade.processingBacklog();
			assertThat(backlog.failing()).as("a failing report shows in the administrators' count").isPositive();
		});
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> correlated(id));
		assertThat(failures.get()).isGreaterThanOrEqualTo(4);
		assertThat(jdbc.sql("SELECT count(*) FROM report_processing WHERE report_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void reportsClaimedByANodeThatDiedAreTakenOverOnceTheClaimExpires() {
		String marker = "orphan-" + UUID.randomUUID().toString().substring(0, 8);
		String reference = intake.submitPublic(draft("https://" + marker + ".xyz/pay"), List.of(), "PUBLIC_API",
				"203.0.113.10").reference();
		UUID id = jdbc.sql("SELECT id FROM report WHERE reference = :r").param("r", reference).query(UUID.class).single();
		// as a crash would leave it: correlation undone and the claim of a node that no longer runs
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> correlated(id));
		jdbc.sql("DELETE FROM correlation_record WHERE source_id = :id").param("id", id).update();
		jdbc.sql("""
				INSERT INTO report_processing (report_id, enqueued_at, next_attempt_at, claimed_until)
				VALUES (:id, now(), now(), :until)""")
			.param("id", id)
			.param("until", Timestamp.from(Instant.now().plusSeconds(2)))
			.update();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> correlated(id));
	}

	@Test
	void anImportInterruptedByACrashIsResumedFromItsLastChunkAndItsFileDeleted() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		UUID organisation = jdbc.sql("SELECT organisation_id FROM app_user WHERE username = 'bank.partner'")
			.query(UUID.class).single();
		UUID user = jdbc.sql("SELECT id FROM app_user WHERE username = 'bank.partner'").query(UUID.class).single();
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 350; i++) {
			rows.append("""
					{"offence":"PHISHING","victimCountries":["FR"],"description":"Resumed row %d","details":{"urls":["https://resume-%d-%s.xyz/"]},"organisationReference":"%s-%d"}
					""".formatted(i, i, run, run, i));
		}
		UUID job = UUID.randomUUID();
		Path file = dataDir.resolve("imports").resolve(job + ".ndjson");
		Files.createDirectories(file.getParent());
		Files.writeString(file, rows, StandardCharsets.UTF_8);
		// a job its node was running when it died: no chunk committed yet, its lease run out
		jdbc.sql("""
				INSERT INTO report_import_job (id, organisation_id, user_id, user_name, format, file_name, state, created_at,
				  lease_owner, lease_until)
				VALUES (:id, :org, :user, 'bank.partner', 'ndjson', 'crashed.ndjson', 'RUNNING', now(), 'a-dead-node',
				  now() - interval '1 minute')""")
			.param("id", job)
			.param("org", organisation)
			.param("user", user)
			.update();

		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
			.sql("SELECT state = 'COMPLETED' AND correlated = 350 FROM report_import_job WHERE id = :id")
			.param("id", job).query(Boolean.class).single());
		assertThat(jdbc.sql("SELECT resumed FROM report_import_job WHERE id = :id").param("id", job).query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM report WHERE org_reference LIKE :p").param("p", run + "-%")
			.query(Long.class).single()).as("every row stored once").isEqualTo(350);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(file)
			.as("the uploaded file (personal data) is deleted when the job ends").doesNotExist());
	}

	@Test
	void aFileTheReporterAddsLaterIsSearchedForIndicatorsToo() {
		String marker = "added-" + UUID.randomUUID().toString().substring(0, 8);
		ReportIntake.PublicReceipt receipt = intake.submitPublic(draft("https://first-" + marker + ".xyz/"), List.of(),
				"PUBLIC_API", "203.0.113.11");
		UUID id = jdbc.sql("SELECT id FROM report WHERE reference = :r").param("r", receipt.reference())
			.query(UUID.class).single();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> correlated(id));

		status.addInformation(receipt.reference(), receipt.statusToken(), "203.0.113.11", null,
				List.of(ReportIndicatorExtractionTests.file("notes.txt", "They also used https://later-" + marker + ".xyz/pay")));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("SELECT count(*) FROM report_indicator WHERE report_id = :id AND value LIKE :v")
			.param("id", id).param("v", "https://later-" + marker + "%").query(Long.class).single() == 1);
	}

	private boolean correlated(UUID report) {
		return jdbc.sql("SELECT count(*) FROM correlation_record WHERE source_kind = 'REPORT' AND source_id = :id")
			.param("id", report).query(Long.class).single() == 1;
	}

	static ReportDraft draft(String url) {
		return new ReportDraft("PHISHING", "FR", List.of("FR"), null, null, null, "A fake bank page at " + url + " took my money.",
				null, null, false, false, null, null, null, false);
	}
}
