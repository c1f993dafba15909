package eu.eccp.reporting.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.reporting.ReportCounts;
import eu.eccp.shared.CallerContext;

/** Counts on the report inbox's index (owner organisation, status). */
@Component
class JdbcReportCounts implements ReportCounts {

	private final JdbcClient jdbc;

	JdbcReportCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public long newReports(CallerContext caller) {
		return jdbc.sql("SELECT count(*) FROM report WHERE owner_org = :org AND status = 'RECEIVED'")
			.param("org", caller.organisationId().value())
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public long assignedToMe(CallerContext caller) {
		return jdbc.sql("""
				SELECT count(*) FROM report
				WHERE owner_org = :org AND assignee = :user AND status NOT IN ('CLOSED', 'DUPLICATE', 'REFERRED')""")
			.param("org", caller.organisationId().value())
			.param("user", caller.userId().value())
			.query(Long.class)
			.single();
	}
}
