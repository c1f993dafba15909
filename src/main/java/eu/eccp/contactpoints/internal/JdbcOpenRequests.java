package eu.eccp.contactpoints.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.contactpoints.OpenRequests;
import eu.eccp.shared.CallerContext;

@Component
class JdbcOpenRequests implements OpenRequests {

	private final JdbcClient jdbc;

	JdbcOpenRequests(JdbcClient jdbc) {
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
}
