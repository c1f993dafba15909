package eu.eccp.contactpoints;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Times of urgent requests, for statistics: counts and minutes only, by kind, requesting country and requested
 * country (no text, no identifier, no organisation). Acknowledgement runs from sending to acknowledgement,
 * fulfilment from sending to a fulfilled or partly fulfilled close.
 */
public interface RequestFigures {

	record Group(RequestKind kind, String requestingCountry, String requestedCountry, long requests, long acknowledged,
			@Nullable Double medianMinutesToAcknowledge, @Nullable Double p90MinutesToAcknowledge, long fulfilled,
			@Nullable Double medianMinutesToFulfil, @Nullable Double p90MinutesToFulfil) {
	}

	List<Group> byKindAndCountries();
}
