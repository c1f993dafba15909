package eu.eccp.correlation;

import java.time.Instant;
import java.util.List;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/** The indicators one record carries, with the record's owner, country, TLP marking and time. */
public record RecordSightings(SourceRef source, OrganisationId owner, CountryCode country, Tlp tlp, Instant seenAt,
		List<ObservedIndicator> indicators) {

	public RecordSightings {
		indicators = List.copyOf(indicators);
	}
}
