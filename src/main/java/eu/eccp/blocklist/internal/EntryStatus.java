package eu.eccp.blocklist.internal;

/** Where a block-list entry stands. */
public enum EntryStatus {
	/** Waiting for a second person with the block-list role. */
	PROPOSED,
	/** Approved and on the lists of the countries where the content is illegal. */
	PUBLISHED,
	/** Not approved. */
	REJECTED,
	/** Dropped because the removal check found the content gone (or never confirmed it online). */
	EXPIRED,
	/** Taken off the lists by a block-list officer. */
	WITHDRAWN;

	public boolean live() {
		return this == PROPOSED || this == PUBLISHED;
	}
}
