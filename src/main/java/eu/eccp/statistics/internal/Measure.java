package eu.eccp.statistics.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.InvalidRequestException;

/**
 * What is counted (the counting unit, always named with the figure). The country of {@link #VICTIMS} is the
 * victim's country; of every other measure, the country of the reporting unit.
 */
@eu.eccp.shared.Labelled("statistics.measure")
public enum Measure {
	/** Reports received (a duplicate resubmission is not a report). */
	REPORTS,
	/** Victims: a report counts once per victim country ('unknown' when it names none). */
	VICTIMS,
	/** Incidents: reports linked into one cluster by correlation count once, in the cells of the first report. */
	INCIDENTS,
	/** Reports with a loss; the amount in euro beside it, other currencies counted apart. */
	LOSSES;

	public static Measure parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return REPORTS;
		}
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("measure", "validation.statistics.measure");
		}
	}
}
