package eu.eccp.statistics.internal;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.CrimeKind;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;

/**
 * One question: a measure in a basis, broken down by up to two dimensions, over a period of months, for some
 * countries and offences (empty: all). Offences may also be chosen by kind, ICCS code (or its leading digits) or
 * RSIT class; the choices add up (an offence must match every one given).
 */
public record StatisticsRequest(Measure measure, Basis basis, List<Dimension> dimensions, YearMonth from, YearMonth to,
		Set<String> countries, Set<Offence> offences, Set<CrimeKind> kinds, Set<String> iccs, Set<String> rsit) {

	/** The longest period one table may cover. */
	public static final int MAX_MONTHS = 240;

	public StatisticsRequest {
		dimensions = List.copyOf(dimensions);
		countries = Set.copyOf(countries);
		offences = Set.copyOf(offences);
		kinds = Set.copyOf(kinds);
		iccs = Set.copyOf(iccs);
		rsit = Set.copyOf(rsit);
		if (from.isAfter(to)) {
			throw new InvalidRequestException("from", "validation.statistics.period");
		}
		if (from.plusMonths(MAX_MONTHS).isBefore(to)) {
			throw new InvalidRequestException("from", "validation.statistics.periodTooLong");
		}
	}

	/** Reads the query parameters of the API and the pages; {@code now} gives the default period (last 12 months). */
	public static StatisticsRequest parse(@Nullable String measure, @Nullable String basis, @Nullable String dimensions,
			@Nullable String from, @Nullable String to, @Nullable String country, @Nullable String offence,
			@Nullable String kind, @Nullable String iccs, @Nullable String rsit, YearMonth now) {
		YearMonth end = month("to", to, now);
		YearMonth start = month("from", from, end.minusMonths(11));
		Set<String> countries = new LinkedHashSet<>();
		for (String code : list(country)) {
			if (!CountryCode.isValid(code)) {
				throw new InvalidRequestException("country", "validation.country");
			}
			countries.add(code.toUpperCase(Locale.ROOT));
		}
		Set<Offence> offences = new LinkedHashSet<>();
		for (String name : list(offence)) {
			Offence parsed = Offence.parse(name);
			if (parsed == null) {
				throw new InvalidRequestException("offence", "validation.offence");
			}
			offences.add(parsed);
		}
		Set<CrimeKind> kinds = new LinkedHashSet<>();
		for (String name : list(kind)) {
			try {
				kinds.add(CrimeKind.valueOf(name.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidRequestException("kind", "validation.statistics.kind");
			}
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String code : list(iccs)) {
			if (!code.matches("\\d{2,6}")) {
				throw new InvalidRequestException("iccs", "validation.statistics.iccs");
			}
			codes.add(code);
		}
		Set<String> rsitClasses = Arrays.stream(Offence.values()).map(Offence::rsitClass).collect(Collectors.toSet());
		Set<String> classes = new LinkedHashSet<>();
		for (String name : list(rsit)) {
			String match = rsitClasses.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst()
				.orElseThrow(() -> new InvalidRequestException("rsit", "validation.statistics.rsit"));
			classes.add(match);
		}
		return new StatisticsRequest(Measure.parse(measure), Basis.parse(basis), Dimension.parseAll(dimensions), start, end,
				countries, offences, kinds, codes, classes);
	}

	/** The offences the filters leave; {@code null} when they leave every one (no filter). */
	@Nullable Set<Offence> chosenOffences() {
		if (offences.isEmpty() && kinds.isEmpty() && iccs.isEmpty() && rsit.isEmpty()) {
			return null;
		}
		return Arrays.stream(Offence.values())
			.filter(o -> offences.isEmpty() || offences.contains(o))
			.filter(o -> kinds.isEmpty() || kinds.contains(o.kind()))
			.filter(o -> iccs.isEmpty() || iccs.stream().anyMatch(code -> o.iccsCode().startsWith(code)))
			.filter(o -> rsit.isEmpty() || rsit.contains(o.rsitClass()))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	StatisticsRequest onlyCountry(String country) {
		return new StatisticsRequest(measure, basis, dimensions, from, to, Set.of(country), offences, kinds, iccs, rsit);
	}

	private static YearMonth month(String field, @Nullable String text, YearMonth otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidRequestException(field, "validation.statistics.month");
		}
	}

	private static List<String> list(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
