package eu.eccp.statistics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportFacts;

/**
 * One counted report as statistics keeps it, and the cells it adds to: the counting rules in one place.
 * <ul>
 * <li>REPORTS: once, in the unit's country;</li>
 * <li>VICTIMS: once per victim country (in '' when the report names none);</li>
 * <li>INCIDENTS: once per cluster of linked reports, in the cells of its first report ({@code firstOfIncident});
 * a report linked to none is an incident of its own;</li>
 * <li>LOSSES: once per report with a loss, its amount in euro (in currency 'EUR'), or, in a currency the rates do
 * not know, counted apart under that currency with its amount as given.</li>
 * </ul>
 * Each rule counts in both bases: the month of report, and the month of occurrence (the unknown month when the
 * reporter did not say). Months are calendar months in UTC.
 */
record ReportFact(UUID reportId, Offence offence, String unitCountry, List<String> victimCountries,
		@Nullable LocalDate occurredMonth, LocalDate reportedMonth, Instant reportedAt, @Nullable BigDecimal lossAmount,
		@Nullable String lossCurrency, @Nullable BigDecimal lossEur, @Nullable Long clusterId, boolean firstOfIncident) {

	static ReportFact of(ReportFacts facts, ExchangeRates rates, @Nullable Long clusterId, boolean firstOfIncident) {
		BigDecimal amount = facts.lossAmount() == null ? null
				: facts.lossAmount().setScale(2, java.math.RoundingMode.HALF_EVEN);
		String currency = amount == null ? null
				: facts.lossCurrency() == null ? "EUR" : facts.lossCurrency().strip().toUpperCase(Locale.ROOT);
		return new ReportFact(facts.reportId().value(), facts.offence(), facts.unitCountry().value(),
				facts.victimCountries().stream().map(c -> c.value()).distinct().sorted().toList(),
				facts.occurredAt() == null ? null : month(facts.occurredAt()), month(facts.submittedAt()),
				facts.submittedAt(), amount, currency, amount == null ? null : rates.toEur(amount, currency).orElse(null),
				clusterId, firstOfIncident);
	}

	static LocalDate month(Instant at) {
		return at.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
	}

	ReportFact withIncident(@Nullable Long cluster, boolean first) {
		return new ReportFact(reportId, offence, unitCountry, victimCountries, occurredMonth, reportedMonth, reportedAt,
				lossAmount, lossCurrency, lossEur, cluster, first);
	}

	/** Whether two facts add to the same cells with the same amounts. */
	boolean countsLike(ReportFact other) {
		return contributions().equals(other.contributions());
	}

	/** The cells this report adds to, and by how much. */
	Map<CellKey, CellDelta> contributions() {
		Map<CellKey, CellDelta> cells = new java.util.TreeMap<>();
		for (Basis basis : Basis.values()) {
			LocalDate month = basis == Basis.REPORTED ? reportedMonth
					: occurredMonth == null ? Rollups.UNKNOWN_MONTH : occurredMonth;
			CellDelta one = new CellDelta(1, BigDecimal.ZERO, BigDecimal.ZERO);
			add(cells, new CellKey(Measure.REPORTS, basis, month, offence.name(), unitCountry, ""), one);
			List<String> victims = victimCountries.isEmpty() ? List.of("") : victimCountries;
			for (String victim : victims) {
				add(cells, new CellKey(Measure.VICTIMS, basis, month, offence.name(), victim, ""), one);
			}
			if (firstOfIncident) {
				add(cells, new CellKey(Measure.INCIDENTS, basis, month, offence.name(), unitCountry, ""), one);
			}
			if (lossAmount != null) {
				if (lossEur != null) {
					add(cells, new CellKey(Measure.LOSSES, basis, month, offence.name(), unitCountry, "EUR"),
							new CellDelta(1, lossEur, BigDecimal.ZERO));
				}
				else {
					add(cells, new CellKey(Measure.LOSSES, basis, month, offence.name(), unitCountry,
							lossCurrency == null ? "" : lossCurrency), new CellDelta(1, BigDecimal.ZERO, lossAmount));
				}
			}
		}
		return cells;
	}

	private static void add(Map<CellKey, CellDelta> cells, CellKey key, CellDelta delta) {
		cells.merge(key, delta, CellDelta::plus);
	}

	/** The incident is ordered by its reports' time of report, then id: the first one carries it. */
	static final java.util.Comparator<ReportFact> INCIDENT_ORDER = java.util.Comparator.comparing(ReportFact::reportedAt)
		.thenComparing(ReportFact::reportId);

	static List<ReportFact> sorted(List<ReportFact> facts) {
		List<ReportFact> copy = new ArrayList<>(facts);
		copy.sort(INCIDENT_ORDER);
		return copy;
	}
}
