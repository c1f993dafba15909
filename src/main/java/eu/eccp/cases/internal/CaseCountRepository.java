package eu.eccp.cases.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.cases.CaseCounts;
import eu.eccp.shared.CallerContext;

@Repository
class CaseCountRepository implements CaseCounts {

	private final JdbcClient jdbc;

	CaseCountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public long openCases(CallerContext caller) {
		return jdbc.sql("""
				SELECT count(*) FROM case_member m JOIN case_file c ON c.id = m.case_id
				WHERE m.organisation_id = :org AND m.status IN ('OWNER', 'ACCEPTED') AND c.status = 'OPEN'""")
			.param("org", caller.organisationId().value()).query(Long.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public long pendingInvitations(CallerContext caller) {
		return jdbc.sql("SELECT count(*) FROM case_member WHERE organisation_id = :org AND status = 'INVITED'")
			.param("org", caller.organisationId().value()).query(Long.class).single();
	}
}
