package eu.eccp.contactpoints;

import eu.eccp.shared.CallerContext;

/** Figures about urgent requests, for dashboards. */
public interface OpenRequests {

	/** Requests addressed to the caller's organisation that are not finished (sent, acknowledged, in progress). */
	long awaitingAction(CallerContext caller);

	/** Requests addressed to the caller's organisation that nobody has acknowledged yet. */
	long unacknowledged(CallerContext caller);

	/** The earliest acknowledgement deadline among those, if any. */
	java.util.Optional<java.time.Instant> nextAcknowledgementDue(CallerContext caller);
}
