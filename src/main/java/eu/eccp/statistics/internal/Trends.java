package eu.eccp.statistics.internal;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Month-on-month and year-on-year change of a figure broken down by month, in percent. A change is given only when
 * both figures may be shown (in this table: not suppressed; before its period: zero or at least the threshold), and
 * the earlier one is not zero, so a change never reveals a suppressed figure.
 */
final class Trends {

	private static final String MONTH = Dimension.MONTH.name().toLowerCase(Locale.ROOT);

	private final List<Dimension> dimensions;
	private final Map<List<String>, long[]> counts;
	private final Map<Map<String, String>, Integer> indexOfKey;
	private final long[] values;
	private final boolean[] hidden;
	private final int threshold;
	private final YearMonth from;

	Trends(List<Dimension> dimensions, Map<List<String>, long[]> counts, Map<Map<String, String>, Integer> indexOfKey,
			long[] values, boolean[] hidden, int threshold, YearMonth from) {
		this.dimensions = dimensions;
		this.counts = counts;
		this.indexOfKey = indexOfKey;
		this.values = values;
		this.hidden = hidden;
		this.threshold = threshold;
		this.from = from;
	}

	@Nullable Double change(Map<String, String> key, int monthsBack) {
		String month = key.get(MONTH);
		if (month == null || month.equals(Dimension.UNKNOWN)) {
			return null;
		}
		Integer index = indexOfKey.get(key);
		if (index == null || hidden[index]) {
			return null;
		}
		Map<String, String> earlierKey = new LinkedHashMap<>(key);
		YearMonth earlier = YearMonth.parse(month).minusMonths(monthsBack);
		earlierKey.put(MONTH, earlier.toString());
		long before;
		if (!earlier.isBefore(from)) {
			Integer earlierIndex = indexOfKey.get(earlierKey);
			if (earlierIndex == null || hidden[earlierIndex]) {
				return null;
			}
			before = values[earlierIndex];
		}
		else {
			before = sumOf(earlierKey);
			if (before > 0 && before < threshold) {
				return null;
			}
		}
		if (before == 0) {
			return null;
		}
		return Math.round((values[index] - before) * 1000.0 / before) / 10.0;
	}

	/** The count of a figure before the period, from the roll-up rows read (a total sums over the other dimension). */
	private long sumOf(Map<String, String> key) {
		long sum = 0;
		for (Map.Entry<List<String>, long[]> entry : counts.entrySet()) {
			boolean matches = true;
			for (int d = 0; d < dimensions.size(); d++) {
				String wanted = key.get(dimensions.get(d).name().toLowerCase(Locale.ROOT));
				if (wanted != null && !wanted.equals(entry.getKey().get(d))) {
					matches = false;
					break;
				}
			}
			if (matches) {
				sum += entry.getValue()[0];
			}
		}
		return sum;
	}
}
