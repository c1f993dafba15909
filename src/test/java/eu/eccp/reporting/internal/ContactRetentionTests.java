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

	@Test
	void erasesAndRecordsEachContactOnceWhenTwoNodesRunTheRetentionAtOnce() throws Exception {
		List<String> closed = new java.util.ArrayList<>();
		for (int i = 0; i < 25; i++) {
			closed.add(intake.submitPublic(draft("Closed long ago " + i), List.of(), "PUBLIC_WEB", "198.51.100." + i).reference());
		}
		jdbc.sql("UPDATE report SET status = 'CLOSED', closed_at = now() - interval '40 days' WHERE reference IN (:r)")
			.param("r", closed).update();

		// two nodes' schedulers firing together: two transactions at once on one database
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.Callable<Integer> run = () -> {
				together.await();
				return retention.eraseExpiredContacts();
			};
			List<java.util.concurrent.Future<Integer>> runs = nodes.invokeAll(List.of(run, run));
			int erased = 0;
			for (java.util.concurrent.Future<Integer> r : runs) {
				erased += r.get();
			}
			assertThat(erased).isEqualTo(25);
		}
		finally {
			nodes.shutdownNow();
		}

		assertThat(closed).allSatisfy(reference -> {
			assertThat(contactCount(reference)).isZero();
			assertThat(jdbc.sql("""
					SELECT count(*) FROM report_event e JOIN report r ON r.id = e.report_id
					WHERE r.reference = :r AND e.type = 'CONTACT_ERASED'""").param("r", reference).query(Long.class).single())
				.as("erasure events of %s", reference).isOne();
			assertThat(jdbc.sql("""
					SELECT count(*) FROM audit_entry a JOIN report r ON a.object_id = r.id::text
					WHERE r.reference = :r AND a.action = 'report.contact-erased'""").param("r", reference).query(Long.class)
				.single()).as("audit entries of %s", reference).isOne();
		});
	}

	long contactCount(String reference) {
		return jdbc.sql("SELECT count(*) FROM report_contact c JOIN report r ON r.id = c.report_id WHERE r.reference = :r")
			.param("r", reference).query(Long.class).single();
	}
}
