package eu.eccp.statistics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.Offence;
import eu.eccp.shared.InvalidRequestException;

/**
 * What a table is broken down by. Kind, ICCS code and RSIT class are read from the offence through its one
 * mapping ({@link Offence}), so every breakdown adds up to the same total.
 */
@eu.eccp.shared.Labelled("statistics.dimension")
public enum Dimension {
	MONTH, YEAR, OFFENCE, KIND, ICCS, RSIT, COUNTRY;

	/** Written for months whose month of occurrence is unknown, and for reports naming no victim country. */
	public static final String UNKNOWN = "UNKNOWN";

	/** The value of this dimension for a roll-up row. */
	String valueOf(LocalDate month, Offence offence, String country) {
		return switch (this) {
			case MONTH -> Rollups.UNKNOWN_MONTH.equals(month) ? UNKNOWN : month.toString().substring(0, 7);
			case YEAR -> Rollups.UNKNOWN_MONTH.equals(month) ? UNKNOWN : String.valueOf(month.getYear());
			case OFFENCE -> offence.name();
			case KIND -> offence.kind().name();
			case ICCS -> offence.iccsCode();
			case RSIT -> offence.rsitClass();
			case COUNTRY -> country.isEmpty() ? UNKNOWN : country;
		};
	}

	/** At most two dimensions, each once, as a comma-separated list ({@code country,month}). */
	public static List<Dimension> parseAll(@Nullable String text) {
		List<Dimension> result = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return result;
		}
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			Dimension dimension;
			try {
				dimension = valueOf(part.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidRequestException("dimensions", "validation.statistics.dimension");
			}
			if (result.contains(dimension)) {
				throw new InvalidRequestException("dimensions", "validation.statistics.dimensionTwice");
			}
			result.add(dimension);
		}
		if (result.size() > 2) {
			throw new InvalidRequestException("dimensions", "validation.statistics.dimensionsAtMostTwo");
		}
		if (result.contains(MONTH) && result.contains(YEAR)) {
			throw new InvalidRequestException("dimensions", "validation.statistics.monthAndYear");
		}
		return result;
	}
}
