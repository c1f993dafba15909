package eu.eccp.reporting.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.correlation.RecordAccessGranted;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.OrganisationId;

/** Honours access grants to reports: the grantee may then read the report (never the reporter's contact details). */
@Component
class ReportAccessGrants {

	private final JdbcClient jdbc;
	private final Clock clock;

	ReportAccessGrants(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(RecordAccessGranted event) {
		if (!event.sourceKind().equals("REPORT")) {
			return;
		}
		jdbc.sql("""
				INSERT INTO report_access_grant (report_id, organisation_id, granted_at)
				SELECT id, :org, :now FROM report WHERE id = :id ON CONFLICT DO NOTHING""")
			.param("id", event.sourceId())
			.param("org", event.grantee().value())
			.param("now", Timestamp.from(clock.instant()))
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
