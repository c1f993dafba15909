package eu.eccp.statistics.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import eu.eccp.shared.CountryCode;

/** Inhabitants per country on 1 January of one year, as Eurostat publishes them, for rates per 100,000. */
record Population(String source, int year, Map<String, Long> inhabitants, String fingerprint) {

	static final String RESOURCE = "/statistics/eurostat-population.csv";

	static Population of(ReferenceTable table) {
		Map<String, Long> values = new LinkedHashMap<>();
		table.values().forEach((country, number) -> {
			if (!CountryCode.isValid(country)) {
				throw new IllegalStateException(table.origin() + ": " + country + " is not an ISO 3166-1 alpha-2 code");
			}
			long value = Long.parseLong(number);
			if (value <= 0) {
				throw new IllegalStateException(table.origin() + ": the population of " + country + " is not positive");
			}
			values.put(country, value);
		});
		return new Population(table.about("source"), Integer.parseInt(table.about("year")), Map.copyOf(values),
				table.fingerprint());
	}

	OptionalLong of(String country) {
		Long value = inhabitants.get(country);
		return value == null ? OptionalLong.empty() : OptionalLong.of(value);
	}

	/** The population of several countries together; empty unless every one of them is in the table. */
	OptionalLong of(Collection<String> countries) {
		long sum = 0;
		for (String country : countries) {
			Long value = inhabitants.get(country);
			if (value == null) {
				return OptionalLong.empty();
			}
			sum += value;
		}
		return countries.isEmpty() ? OptionalLong.empty() : OptionalLong.of(sum);
	}

	/** The population of the 27 member states. */
	OptionalLong europeanUnion() {
		return of(CountryCode.EU_MEMBER_STATES);
	}
}
