package eu.eccp.correlation;

import java.util.List;
import java.util.UUID;

import eu.eccp.shared.OrganisationId;

/**
 * Published once per organisation and ingest batch (or, for a bulk import, once per organisation and import)
 * that gave it new hits: records of its share a linking indicator with records of another country. One event
 * per organisation rather than per hit, so that a bulk load creating thousands of hits notifies a unit once.
 *
 * @param hitIds the new hits, at most {@value #MAX_IDS} of them (the first ones)
 * @param count how many new hits there are in all
 */
public record CrossBorderHitsFound(OrganisationId organisation, List<UUID> hitIds, int count) {

	/** At most this many hit ids travel with the event; {@code count} says how many there are. */
	public static final int MAX_IDS = 1_000;

	public CrossBorderHitsFound {
		hitIds = List.copyOf(hitIds.size() > MAX_IDS ? hitIds.subList(0, MAX_IDS) : hitIds);
	}

	public CrossBorderHitsFound(OrganisationId organisation, List<UUID> hitIds) {
		this(organisation, hitIds, hitIds.size());
	}
}
