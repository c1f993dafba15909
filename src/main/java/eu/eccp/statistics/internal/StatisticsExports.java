package eu.eccp.statistics.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * A protected table as CSV or as SDMX-CSV (SDMX 2.1 CSV format, version 1: one observation per line, the dataflow
 * first, then the dimensions, {@code TIME_PERIOD}, {@code OBS_VALUE} and the attributes). Totals are observations
 * with {@code _T} for the dimension summed over; a suppressed observation has no value and {@code CONF_STATUS} C
 * (confidential), every other F (free). Neither format ever carries a suppressed figure.
 */
final class StatisticsExports {

	static final String DATAFLOW = "ECCP:CYBERCRIME(1.0)";

	private StatisticsExports() {
	}

	/** Plain CSV: one line per cell, then the totals, then the rules as lines starting with {@code #}. */
	static void csv(StatisticsTable table, Writer out) throws IOException {
		List<String> header = new ArrayList<>();
		table.dimensions().forEach(d -> header.add(d.name().toLowerCase(Locale.ROOT)));
		header.addAll(List.of("measure", "unit", "value", "amount_eur", "per_100000", "month_on_month_percent",
				"year_on_year_percent", "suppressed"));
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
			.setCommentMarker('#').get());
		for (StatisticsTable.Figure figure : all(table)) {
			List<Object> row = new ArrayList<>();
			table.dimensions().forEach(d -> row.add(figure.key().getOrDefault(d.name().toLowerCase(Locale.ROOT), "_T")));
			row.add(table.measure().name());
			row.add(table.unit());
			row.add(text(figure.value()));
			row.add(text(figure.amountEur()));
			row.add(text(figure.per100k()));
			row.add(text(figure.monthOnMonth()));
			row.add(text(figure.yearOnYear()));
			row.add(figure.suppressed());
			csv.printRecord(row);
		}
		for (StatisticsTable.UnknownCurrency unknown : table.unknownCurrencies()) {
			csv.printComment("losses in " + unknown.currency() + " (no reference rate, counted apart): "
					+ (unknown.suppressed() ? "suppressed" : unknown.reports() + " reports, " + unknown.amount()));
		}
		csv.printComment(table.countingRule());
		csv.printComment(table.rule());
		csv.printComment("Exchange rates: " + table.sources().exchangeRates() + ", " + table.sources().exchangeRatesDate()
				+ ". Population: " + table.sources().population() + ", 1 January " + table.sources().populationYear() + ".");
		csv.flush();
	}

	/** SDMX-CSV: the dataflow, FREQ, MEASURE, BASIS, the table's other dimensions, TIME_PERIOD, OBS_VALUE, attributes. */
	static void sdmxCsv(StatisticsTable table, Writer out) throws IOException {
		List<Dimension> others = table.dimensions().stream()
			.filter(d -> d != Dimension.MONTH && d != Dimension.YEAR)
			.toList();
		Dimension time = table.dimensions().contains(Dimension.MONTH) ? Dimension.MONTH
				: table.dimensions().contains(Dimension.YEAR) ? Dimension.YEAR : null;
		List<String> header = new ArrayList<>(List.of("DATAFLOW", "FREQ", "MEASURE", "BASIS"));
		others.forEach(d -> header.add(sdmxName(d)));
		header.addAll(List.of("TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "CONF_STATUS"));
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
		String freq = time == Dimension.MONTH ? "M" : time == Dimension.YEAR ? "A" : "_Z";
		String period = table.from() + "/" + table.to();
		for (StatisticsTable.Figure figure : all(table)) {
			String timeValue = time == null ? period
					: figure.key().getOrDefault(time.name().toLowerCase(Locale.ROOT), period);
			if (Dimension.UNKNOWN.equals(timeValue)) {
				timeValue = period;
			}
			boolean unknownTime = time != null && Dimension.UNKNOWN.equals(figure.key().get(time.name().toLowerCase(Locale.ROOT)));
			printSdmx(csv, table, figure, freq, others, timeValue, unknownTime, table.measure().name(),
					text(figure.value()), unitCode(table.measure()));
			if (table.measure() == Measure.LOSSES) {
				printSdmx(csv, table, figure, freq, others, timeValue, unknownTime, "LOSS_AMOUNT", text(figure.amountEur()),
						"EUR");
			}
		}
		csv.flush();
	}

	private static void printSdmx(CSVPrinter csv, StatisticsTable table, StatisticsTable.Figure figure, String freq,
			List<Dimension> others, String timeValue, boolean unknownTime, String measure, String value, String unit)
			throws IOException {
		List<Object> row = new ArrayList<>(List.of(DATAFLOW, unknownTime ? "_U" : freq, measure, table.basis().name()));
		for (Dimension d : others) {
			String v = figure.key().get(d.name().toLowerCase(Locale.ROOT));
			row.add(v == null ? "_T" : Dimension.UNKNOWN.equals(v) ? "_U" : v);
		}
		row.add(timeValue);
		row.add(figure.suppressed() ? "" : value);
		row.add(unit);
		row.add(figure.suppressed() ? "C" : "F");
		csv.printRecord(row);
	}

	private static String sdmxName(Dimension dimension) {
		return switch (dimension) {
			case COUNTRY -> "REF_AREA";
			case OFFENCE -> "OFFENCE";
			case KIND -> "CRIME_KIND";
			case ICCS -> "ICCS";
			case RSIT -> "RSIT_CLASS";
			case MONTH, YEAR -> "TIME_PERIOD";
		};
	}

	private static String unitCode(Measure measure) {
		return switch (measure) {
			case REPORTS, LOSSES -> "REPORTS";
			case VICTIMS -> "VICTIMS";
			case INCIDENTS -> "INCIDENTS";
		};
	}

	private static List<StatisticsTable.Figure> all(StatisticsTable table) {
		List<StatisticsTable.Figure> all = new ArrayList<>(table.cells());
		all.addAll(table.totals());
		all.add(table.total());
		return all;
	}

	private static String text(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Double d) {
			return String.format(Locale.ROOT, "%s", d);
		}
		return value.toString();
	}

	static Map<String, String> mediaTypes() {
		return Map.of("csv", "text/csv", "sdmx-csv", "application/vnd.sdmx.data+csv;version=1.0.0");
	}
}
