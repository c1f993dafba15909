package eu.eccp.correlation.internal;

import org.jspecify.annotations.Nullable;

/** An indicator value's row, its count of distinct carrying records (as far as this transaction knows) and warning list. */
record IngestValue(long id, int sourceCount, @Nullable String benign) {

	/** Whether the value links records: not on a warning list, and carried by at most {@code maxSourcesToLink}. */
	boolean links(int maxSourcesToLink) {
		return benign == null && sourceCount <= maxSourcesToLink;
	}
}
