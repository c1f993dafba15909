package eu.eccp.reporting.internal;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.correlation.RecordAccessGranted;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.OrganisationId;

/** Honours access grants to reports: the grantee may then read the report (never the reporter's contact details). */
@Component
class ReportAccessGrants {

	private final ReportAccessGrantRepository grants;
	private final Clock clock;

	ReportAccessGrants(ReportAccessGrantRepository grants, Clock clock) {
		this.grants = grants;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(RecordAccessGranted event) {
		if (event.sourceKind().equals("REPORT")) {
			grants.grant(event.sourceId(), event.grantee(), clock.instant());
		}
	}

	boolean granted(ReportId report, OrganisationId organisation) {
		return grants.granted(report, organisation);
	}
}
