package eu.eccp.contactpoints.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.contactpoints.OpenRequests;
import eu.eccp.shared.CallerContext;

@Repository
class OpenRequestRepository implements OpenRequests {

	private final JdbcClient jdbc;

	OpenRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public long awaitingAction(CallerContext caller) {
		return jdbc.sql("""
				SELECT count(*) FROM urgent_request
				WHERE recipient_org = :org AND status IN ('SENT', 'ACKNOWLEDGED', 'IN_PROGRESS')""")
			.param("org", caller.organisationId().value()).query(Long.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public long unacknowledged(CallerContext caller) {
		return jdbc.sql("SELECT count(*) FROM urgent_request WHERE recipient_org = :org AND status = 'SENT'")
			.param("org", caller.organisationId().value()).query(Long.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<java.time.Instant> nextAcknowledgementDue(CallerContext caller) {
		return jdbc.sql("SELECT min(acknowledge_due) AS due FROM urgent_request WHERE recipient_org = :org AND status = 'SENT'")
			.param("org", caller.organisationId().value())
			.query((rs, n) -> java.util.Optional.ofNullable(eu.eccp.shared.SqlTimes.instant(rs, "due")))
			.single();
	}
}
