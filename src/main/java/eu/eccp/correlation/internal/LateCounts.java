package eu.eccp.correlation.internal;

import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of carrying records an ingest adds to values too common to link, written by its last statement
 * ({@link CorrelationStatements#addLateCounts}) rather than when the values are upserted: such a value links
 * nothing, so nothing else in the ingest needs its row locked, and the lock is then held only until the commit
 * that follows. Kept in id order.
 */
final class LateCounts {

	private final Map<Long, Integer> counts = new TreeMap<>();
	private final Map<Long, Timestamp> lasts = new TreeMap<>();

	/** Adds {@code carriers} to the value's count and moves its last seen to {@code last} at least. */
	void add(long value, int carriers, Timestamp last) {
		counts.merge(value, carriers, Integer::sum);
		lasts.merge(value, last, (a, b) -> a.after(b) ? a : b);
	}

	boolean isEmpty() {
		return counts.isEmpty();
	}

	Long[] ids() {
		return counts.keySet().toArray(Long[]::new);
	}

	Integer[] counts() {
		return counts.values().toArray(Integer[]::new);
	}

	Timestamp[] lasts() {
		return lasts.values().toArray(Timestamp[]::new);
	}
}
