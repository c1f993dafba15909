package eu.eccp.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.reporting.ReportId;
import eu.eccp.shared.OrganisationId;

/** Which organisations were granted access to which reports (through correlation's access requests). */
@Repository
class ReportAccessGrantRepository {

	private final JdbcClient jdbc;

	ReportAccessGrantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Grants access to the report, if it exists; granting twice changes nothing. */
	void grant(UUID report, OrganisationId organisation, Instant at) {
		jdbc.sql("""
				INSERT INTO report_access_grant (report_id, organisation_id, granted_at)
				SELECT id, :org, :now FROM report WHERE id = :id ON CONFLICT DO NOTHING""")
			.param("id", report)
			.param("org", organisation.value())
			.param("now", Timestamp.from(at))
			.update();
	}

	boolean granted(ReportId report, OrganisationId organisation) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM report_access_grant WHERE report_id = :r AND organisation_id = :o)")
			.param("r", report.value())
			.param("o", organisation.value())
			.query(Boolean.class)
			.single();
	}
}
