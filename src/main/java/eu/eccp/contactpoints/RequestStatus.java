package eu.eccp.contactpoints;

/** Where an urgent request stands: sent → acknowledged → in progress → one of the closing states. */
@eu.eccp.shared.Labelled("requeststatus")
public enum RequestStatus {
	SENT, ACKNOWLEDGED, IN_PROGRESS, FULFILLED, PARTIALLY_FULFILLED, REFUSED, WITHDRAWN;

	/** Whether the recipient still has something to do. */
	public boolean isOpen() {
		return this == SENT || this == ACKNOWLEDGED || this == IN_PROGRESS;
	}
}
