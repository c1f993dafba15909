package eu.eccp.cases;

import eu.eccp.shared.CallerContext;

/** Figures about the caller's organisation's cases, for dashboards. */
public interface CaseCounts {

	/** Open cases the caller's organisation owns or is a member of. */
	long openCases(CallerContext caller);

	/** Invitations to cases the caller's organisation has not answered. */
	long pendingInvitations(CallerContext caller);
}
