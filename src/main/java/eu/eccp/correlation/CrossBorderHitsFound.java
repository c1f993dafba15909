package eu.eccp.correlation;

import java.util.List;
import java.util.UUID;

import eu.eccp.shared.OrganisationId;

/**
 * Published once per organisation and ingest batch that gave it new hits: records of its share a linking
 * indicator with records of another country. One event per organisation rather than per hit, so that a bulk
 * load creating thousands of hits notifies a unit once.
 */
public record CrossBorderHitsFound(OrganisationId organisation, List<UUID> hitIds) {

	public CrossBorderHitsFound {
		hitIds = List.copyOf(hitIds);
	}
}
