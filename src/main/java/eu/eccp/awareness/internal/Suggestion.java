package eu.eccp.awareness.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;

/**
 * A draft suggestion for authors: aggregate, non-personal facts only — counts, countries, the offence, when it
 * was first seen and, where every record carrying them marked them TLP:CLEAR, indicator values that identify
 * nobody.
 *
 * @param offence the offence most of its reports fall under (null when none of its records is a report)
 * @param baseline the weekly baseline of an offence surge
 */
public record Suggestion(UUID id, SuggestionKind kind, @Nullable Offence offence, List<CountryCode> countries,
		int reportCount, @Nullable Double baseline, Instant firstSeen, List<String> clearIndicators, Status status,
		@Nullable UUID advisory, Instant createdAt, Instant refreshedAt) {

	public Suggestion {
		countries = List.copyOf(countries);
		clearIndicators = List.copyOf(clearIndicators);
	}

	@eu.eccp.shared.Labelled("suggestionstatus")
	public enum Status {
		OPEN, USED, DISMISSED
	}
}
