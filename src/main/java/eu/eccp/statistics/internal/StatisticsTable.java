package eu.eccp.statistics.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A table as every output shows it, after disclosure control: cells (one per combination of the dimensions'
 * values), the totals of each row and column (two dimensions), and the grand total. A suppressed figure has no
 * value, no amount, no rate and no change.
 *
 * @param unit the counting unit, named on every chart and table (e.g. "reports")
 * @param rule the disclosure rule in the reader's language, shown under the table
 */
public record StatisticsTable(Measure measure, String unit, Basis basis, List<Dimension> dimensions, YearMonth from,
		YearMonth to, Map<String, List<String>> filters, List<Figure> cells, List<Figure> totals, Figure total,
		int threshold, String rule, String countingRule, Sources sources, List<UnknownCurrency> unknownCurrencies) {

	/**
	 * One figure: its place ({@code key}: dimension name to value), the count, for losses the amount in euro, the
	 * rate per 100,000 inhabitants where the population is known, and the change on the month before and on the
	 * same month a year before, in percent (where both figures are shown and the earlier is not zero).
	 */
	public record Figure(Map<String, String> key, @Nullable Long value, @Nullable BigDecimal amountEur,
			boolean suppressed, @Nullable Double per100k, @Nullable Double monthOnMonth, @Nullable Double yearOnYear) {
	}

	/** Where the reference figures come from. */
	public record Sources(String exchangeRates, LocalDate exchangeRatesDate, String population, int populationYear) {
	}

	/** Losses in a currency the reference rates do not have, counted apart (never converted, never dropped). */
	public record UnknownCurrency(String currency, @Nullable Long reports, @Nullable BigDecimal amount,
			boolean suppressed) {
	}

	/** The values of one dimension, in the order rows or columns show them. */
	public List<String> valuesOf(Dimension dimension) {
		String name = dimension.name().toLowerCase(java.util.Locale.ROOT);
		return cells.stream().map(f -> f.key().get(name)).filter(java.util.Objects::nonNull).distinct().toList();
	}
}
