package eu.eccp.takedown.internal;

/** Where an item stands. */
public enum ItemStatus {
	/** Reported, not assessed yet. */
	NEW,
	/** Assessed as illegal by one analyst; a second one of the same hotline must confirm (four-eyes). */
	AWAITING_CONFIRMATION,
	/** Assessed (and confirmed where required) as illegal; the host is to be notified. */
	ASSESSED,
	/** Forwarded to the hotline of the hosting country, which re-assesses it under its own law. */
	FORWARDED,
	/** A notice or removal order has gone to the host. */
	NOTICE_SENT,
	/** The host said it is removed, or the removal check saw it gone. */
	REMOVED,
	/** The host refused to remove it. */
	REFUSED,
	/** Nothing to do: not illegal, or could not be assessed. */
	CLOSED;

	/** Whether the item still waits for removal. */
	public boolean open() {
		return this != REMOVED && this != CLOSED;
	}
}
