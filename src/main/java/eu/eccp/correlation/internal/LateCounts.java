package eu.eccp.correlation.internal;

import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of carrying records an ingest adds to values stored before it, in id order, written after its values,
 * records and sightings rather than when the values are upserted, so that no value row is locked while those are
 * written: under the linking lock ({@link CorrelationStatements#addCounts}) for values that may still link, whose
 * exact count decides whether they do, or by the ingest's last statement ({@link CorrelationStatements#addLateCounts})
 * for values too common to link, whose lock is then held only until the commit that follows.
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
