package eu.eccp.reporting;

import eu.eccp.shared.CallerContext;

/** Figures about the reports the caller's organisation received, for dashboards. */
public interface ReportCounts {

	/** Reports routed to the caller's organisation that nobody has looked at yet (status received). */
	long newReports(CallerContext caller);

	/** Reports of the caller's organisation assigned to the caller and not closed. */
	long assignedToMe(CallerContext caller);
}
