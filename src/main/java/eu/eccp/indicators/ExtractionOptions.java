package eu.eccp.indicators;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How to read one input.
 *
 * @param defaultRegion ISO 3166-1 alpha-2 country whose national phone numbers are understood without an
 *        international prefix (usually the reporting organisation's country); null reads only numbers
 *        written with {@code +} or {@code 00}
 * @param types the indicator types wanted (all when empty)
 */
public record ExtractionOptions(@Nullable String defaultRegion, Set<IndicatorType> types) {

	public ExtractionOptions {
		if (defaultRegion != null) {
			defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
			if (!defaultRegion.matches("[A-Z]{2}")) {
				throw new IllegalArgumentException("default region must be an ISO 3166-1 alpha-2 code");
			}
		}
		types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
	}

	/** All types, no default region. */
	public static ExtractionOptions defaults() {
		return new ExtractionOptions(null, Set.of());
	}

	/** All types, national phone numbers read as numbers of that country. */
	public static ExtractionOptions forRegion(@Nullable String region) {
		return new ExtractionOptions(region, Set.of());
	}

	public ExtractionOptions withTypes(Set<IndicatorType> wanted) {
		return new ExtractionOptions(defaultRegion, wanted);
	}

	public boolean wants(IndicatorType type) {
		return types.isEmpty() || types.contains(type);
	}
}
