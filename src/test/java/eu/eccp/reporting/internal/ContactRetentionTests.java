package eu.eccp.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Reporter contact details are erased once a report has been closed for longer than the retention period;
 * the anonymised report is kept.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.reporting.contact-retention=30d" })
@ActiveProfiles("test")
class ContactRetentionTests {

	@Autowired
	ReportIntake intake;

	@Autowired
	ContactRetention retention;

	@Autowired
	JdbcClient jdbc;

	ReportDraft draft(String description) {
		return new ReportDraft("PHISHING", "FR", List.of("FR"), null, null, null, description, null,
				new ReportDraft.Contact("Jean Martin", "jean@example.org", null, "fr"), true, false, null, null, null, false);
	}

	@Test
	void erasesContactDetailsOfReportsClosedLongerThanTheRetentionPeriod() {
		String old = intake.submitPublic(draft("Closed long ago, keep the report"), List.of(), "PUBLIC_WEB", "192.0.2.10").reference();
		String recent = intake.submitPublic(draft("Closed yesterday, keep the contact"), List.of(), "PUBLIC_WEB", "192.0.2.10").reference();
		String open = intake.submitPublic(draft("Still open, keep the contact"), List.of(), "PUBLIC_WEB", "192.0.2.10").reference();
		jdbc.sql("UPDATE report SET status = 'CLOSED', closed_at = now() - interval '31 days' WHERE reference = :r").param("r", old).update();
		jdbc.sql("UPDATE report SET status = 'CLOSED', closed_at = now() - interval '1 day' WHERE reference = :r").param("r", recent).update();

		assertThat(retention.eraseExpiredContacts()).isEqualTo(1);

		assertThat(contactCount(old)).isZero();
		assertThat(contactCount(recent)).isOne();
		assertThat(contactCount(open)).isOne();
		assertThat(jdbc.sql("SELECT description FROM report WHERE reference = :r").param("r", old).query(String.class).single())
			.isEqualTo("Closed long ago, keep the report");
		assertThat(jdbc.sql("SELECT contact_erased_at IS NOT NULL FROM report WHERE reference = :r").param("r", old)
			.query(Boolean.class).single()).isTrue();
		assertThat(retention.eraseExpiredContacts()).isZero();
	}

	long contactCount(String reference) {
		return jdbc.sql("SELECT count(*) FROM report_contact c JOIN report r ON r.id = c.report_id WHERE r.reference = :r")
			.param("r", reference).query(Long.class).single();
	}
}
