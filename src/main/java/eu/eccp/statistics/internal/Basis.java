package eu.eccp.statistics.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.InvalidRequestException;

/** Which month a report counts in: the month it was reported, or the month it happened (when known). */
@eu.eccp.shared.Labelled("statistics.basis")
public enum Basis {
	REPORTED, OCCURRED;

	public static Basis parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return REPORTED;
		}
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("basis", "validation.statistics.basis");
		}
	}
}
