package eu.eccp.statistics.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.reporting.Offence;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Role;

/**
 * Answers a {@link StatisticsRequest} from the roll-up alone, with disclosure control, rates per 100,000 and
 * trends. Statisticians and coordinators see every country, a national unit's analysts their own country only,
 * the public (no account) the same figures as a statistician: every output is protected alike.
 */
@Service
public class StatisticsQuery {

	private final RollupRepository repository;
	private final ReferenceData reference;
	private final StatisticsProperties properties;
	private final MessageSource messages;

	StatisticsQuery(RollupRepository repository, ReferenceData reference, StatisticsProperties properties,
			MessageSource messages) {
		this.repository = repository;
		this.reference = reference;
		this.properties = properties;
		this.messages = messages;
	}

	/** What the caller may ask: everything, or only their own country; nothing for other roles. */
	public StatisticsRequest allowed(CallerContext caller, StatisticsRequest request) {
		if (caller.has(Role.STATISTICIAN) || caller.has(Role.COORDINATOR)) {
			return request;
		}
		if (caller.has(Role.ANALYST)) {
			String own = caller.country().value();
			if (!request.countries().isEmpty() && !request.countries().equals(Set.of(own))) {
				throw new AccessDeniedException("a national unit sees the figures of its own country only");
			}
			return request.onlyCountry(own);
		}
		throw new AccessDeniedException("statistics are for statisticians, coordinators and national units");
	}

	@Transactional(readOnly = true)
	public StatisticsTable table(CallerContext caller, StatisticsRequest request, Locale locale) {
		return answer(allowed(caller, request), locale);
	}

	/** The public's view: the same protected figures, no account needed. */
	@Transactional(readOnly = true)
	public StatisticsTable publicTable(StatisticsRequest request, Locale locale) {
		return answer(request, locale);
	}

	StatisticsTable answer(StatisticsRequest request, Locale locale) {
		List<Dimension> dims = request.dimensions();
		boolean byMonth = dims.contains(Dimension.MONTH);
		// a year before the period too, for the changes on the month before and on the year before
		YearMonth readFrom = byMonth ? request.from().minusMonths(12) : request.from();
		Set<Offence> offences = request.chosenOffences();
		List<RollupRepository.CellRow> rows = repository.cells(request.measure(), request.basis(), readFrom.atDay(1),
				request.to().atDay(1), request.basis() == Basis.OCCURRED,
				offences == null ? null : offences.stream().map(Offence::name).collect(Collectors.toSet()),
				request.countries().isEmpty() ? null : request.countries(),
				dims.stream().anyMatch(d -> d == Dimension.OFFENCE || d == Dimension.KIND || d == Dimension.ICCS
						|| d == Dimension.RSIT),
				dims.contains(Dimension.COUNTRY));

		int threshold = properties.threshold();
		Map<List<String>, long[]> counts = new HashMap<>();
		Map<List<String>, BigDecimal> amounts = new HashMap<>();
		Map<String, long[]> unknownCounts = new TreeMap<>();
		Map<String, BigDecimal> unknownAmounts = new TreeMap<>();
		for (RollupRepository.CellRow row : rows) {
			if (request.measure() == Measure.LOSSES && !"EUR".equals(row.currency())) {
				if (!row.month().isBefore(request.from().atDay(1)) || Rollups.UNKNOWN_MONTH.equals(row.month())) {
					String currency = row.currency().isEmpty() ? Dimension.UNKNOWN : row.currency();
					unknownCounts.computeIfAbsent(currency, c -> new long[1])[0] += row.n();
					unknownAmounts.merge(currency, row.original(), BigDecimal::add);
				}
				continue;
			}
			List<String> key = dims.stream().map(d -> d.valueOf(row.month(), row.offence(), row.country())).toList();
			counts.computeIfAbsent(key, k -> new long[1])[0] += row.n();
			amounts.merge(key, row.eur(), BigDecimal::add);
		}

		// rows and columns shown: every month of the period (and the unknown month where it applies), every
		// country or value chosen or found
		List<List<String>> axes = new ArrayList<>();
		for (int d = 0; d < dims.size(); d++) {
			axes.add(axis(dims.get(d), d, request, counts));
		}
		int rowCount = dims.isEmpty() ? 1 : axes.get(0).size();
		int columnCount = dims.size() < 2 ? 1 : axes.get(1).size();
		boolean two = dims.size() == 2;
		int size = Disclosure.sizeOf(rowCount, columnCount, two);
		long[] values = new long[size];
		BigDecimal[] eur = new BigDecimal[size];
		java.util.Arrays.fill(eur, BigDecimal.ZERO);
		List<Map<String, String>> keys = new ArrayList<>(java.util.Collections.nCopies(size, Map.of()));
		for (int r = 0; r < rowCount; r++) {
			for (int c = 0; c < columnCount; c++) {
				List<String> key = new ArrayList<>();
				if (!dims.isEmpty()) {
					key.add(axes.get(0).get(r));
				}
				if (two) {
					key.add(axes.get(1).get(c));
				}
				long n = counts.getOrDefault(key, new long[1])[0];
				BigDecimal amount = amounts.getOrDefault(key, BigDecimal.ZERO);
				int cell = r * columnCount + c;
				values[cell] = n;
				eur[cell] = amount;
				keys.set(cell, keyOf(dims, key));
				int grand = size - 1;
				values[grand] += n;
				eur[grand] = eur[grand].add(amount);
				if (two) {
					int rowTotal = rowCount * columnCount + r;
					int columnTotal = rowCount * columnCount + rowCount + c;
					values[rowTotal] += n;
					eur[rowTotal] = eur[rowTotal].add(amount);
					values[columnTotal] += n;
					eur[columnTotal] = eur[columnTotal].add(amount);
				}
			}
		}
		if (two) {
			for (int r = 0; r < rowCount; r++) {
				keys.set(rowCount * columnCount + r, keyOf(List.of(dims.get(0)), List.of(axes.get(0).get(r))));
			}
			for (int c = 0; c < columnCount; c++) {
				keys.set(rowCount * columnCount + rowCount + c, keyOf(List.of(dims.get(1)), List.of(axes.get(1).get(c))));
			}
		}
		boolean[] hidden = dims.isEmpty() ? hideTotalOnly(values[0], threshold, size)
				: Disclosure.suppress(values, Disclosure.linesOf(rowCount, columnCount, two), threshold);

		Population population = reference.population();
		List<StatisticsTable.Figure> cells = new ArrayList<>();
		List<StatisticsTable.Figure> totals = new ArrayList<>();
		Map<Map<String, String>, Integer> indexOfKey = new HashMap<>();
		for (int i = 0; i < size; i++) {
			indexOfKey.put(keys.get(i), i);
		}
		Trends trends = new Trends(dims, counts, indexOfKey, values, hidden, threshold, request.from());
		Set<String> shownCountries = dims.contains(Dimension.COUNTRY)
				? new TreeSet<>(axes.get(dims.indexOf(Dimension.COUNTRY))) : Set.of();
		for (int i = 0; i < size; i++) {
			Map<String, String> key = keys.get(i);
			OptionalLong inhabitants = inhabitants(key, request, shownCountries, population);
			StatisticsTable.Figure figure = hidden[i]
					? new StatisticsTable.Figure(key, null, null, true, null, null, null)
					: new StatisticsTable.Figure(key, values[i], request.measure() == Measure.LOSSES ? eur[i] : null, false,
							inhabitants.isPresent() ? rate(values[i], inhabitants.getAsLong()) : null,
							trends.change(key, 1), trends.change(key, 12));
			boolean isCell = i < rowCount * columnCount;
			if (dims.isEmpty() || i == size - 1) {
				continue;
			}
			(isCell ? cells : totals).add(figure);
		}
		Map<String, String> none = Map.of();
		OptionalLong allInhabitants = inhabitants(none, request, shownCountries, population);
		StatisticsTable.Figure total = hidden[size - 1]
				? new StatisticsTable.Figure(none, null, null, true, null, null, null)
				: new StatisticsTable.Figure(none, values[size - 1],
						request.measure() == Measure.LOSSES ? eur[size - 1] : null, false,
						allInhabitants.isPresent() ? rate(values[size - 1], allInhabitants.getAsLong()) : null, null, null);

		List<StatisticsTable.UnknownCurrency> unknown = new ArrayList<>();
		unknownCounts.forEach((currency, n) -> {
			boolean small = n[0] > 0 && n[0] < threshold;
			unknown.add(small ? new StatisticsTable.UnknownCurrency(currency, null, null, true)
					: new StatisticsTable.UnknownCurrency(currency, n[0], unknownAmounts.get(currency), false));
		});
		ExchangeRates rates = reference.rates();
		return new StatisticsTable(request.measure(),
				messages.getMessage("statistics.unit." + request.measure(), null, locale), request.basis(), dims,
				request.from(), request.to(), filters(request), cells, totals, total, threshold,
				messages.getMessage(Disclosure.RULE_KEY, new Object[] { threshold, threshold - 1 }, locale),
				messages.getMessage("statistics.rule." + request.measure(), null, locale),
				new StatisticsTable.Sources(rates.source(), rates.date(), population.source(), population.year()), unknown);
	}

	private static boolean[] hideTotalOnly(long value, int threshold, int size) {
		boolean[] hidden = new boolean[size];
		boolean small = value > 0 && value < threshold;
		java.util.Arrays.fill(hidden, small);
		return hidden;
	}

	private static double rate(long value, long inhabitants) {
		return Math.round(value * 100_000.0 / inhabitants * 1000.0) / 1000.0;
	}

	/** The population a figure is divided by: its country's, else the chosen countries', else none. */
	private static OptionalLong inhabitants(Map<String, String> key, StatisticsRequest request, Set<String> shown,
			Population population) {
		String country = key.get("country");
		if (country != null) {
			return population.of(country);
		}
		if (!shown.isEmpty()) {
			return population.of(shown);
		}
		if (!request.countries().isEmpty()) {
			return population.of(request.countries());
		}
		return OptionalLong.empty();
	}

	private List<String> axis(Dimension dimension, int position, StatisticsRequest request,
			Map<List<String>, long[]> counts) {
		TreeSet<String> values = new TreeSet<>(Comparator.comparing((String v) -> v.equals(Dimension.UNKNOWN))
			.thenComparing(Comparator.naturalOrder()));
		int monthAt = request.dimensions().indexOf(Dimension.MONTH);
		counts.forEach((key, n) -> {
			String month = monthAt < 0 ? null : key.get(monthAt);
			// months read only for the changes are not rows or columns, nor what only they hold
			if (month == null || month.equals(Dimension.UNKNOWN) || !YearMonth.parse(month).isBefore(request.from())) {
				values.add(key.get(position));
			}
		});
		if (dimension == Dimension.MONTH) {
			values.removeIf(v -> !v.equals(Dimension.UNKNOWN) && YearMonth.parse(v).isBefore(request.from()));
			for (YearMonth m = request.from(); !m.isAfter(request.to()); m = m.plusMonths(1)) {
				values.add(m.toString());
			}
		}
		else if (dimension == Dimension.YEAR) {
			for (int y = request.from().getYear(); y <= request.to().getYear(); y++) {
				values.add(String.valueOf(y));
			}
		}
		else if (dimension == Dimension.COUNTRY) {
			values.addAll(request.countries());
		}
		return List.copyOf(values);
	}

	private static Map<String, String> keyOf(List<Dimension> dims, List<String> values) {
		Map<String, String> key = new LinkedHashMap<>();
		for (int i = 0; i < dims.size(); i++) {
			key.put(dims.get(i).name().toLowerCase(Locale.ROOT), values.get(i));
		}
		return key;
	}

	private static Map<String, List<String>> filters(StatisticsRequest request) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		if (!request.countries().isEmpty()) {
			filters.put("country", request.countries().stream().sorted().toList());
		}
		if (!request.offences().isEmpty()) {
			filters.put("offence", request.offences().stream().map(Offence::name).sorted().toList());
		}
		if (!request.kinds().isEmpty()) {
			filters.put("kind", request.kinds().stream().map(Enum::name).sorted().toList());
		}
		if (!request.iccs().isEmpty()) {
			filters.put("iccs", request.iccs().stream().sorted().toList());
		}
		if (!request.rsit().isEmpty()) {
			filters.put("rsit", request.rsit().stream().sorted().toList());
		}
		return filters;
	}

	/** The first month with any report, for the period choices (the current month when there is none). */
	@Transactional(readOnly = true)
	public @Nullable LocalDate firstMonth() {
		return repository.reportedMonthRange().map(range -> range[0]).orElse(null);
	}
}
