package eu.eccp.sharing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.eccp.shared.Tlp;

/** One indicator of an agreement's collection, as the last refresh stamped it (its value stays in correlation). */
record CollectionRow(long indicatorId, String type, UUID stixUuid, UUID sightingUuid, long seq, Instant dateAdded,
		Instant created, Instant modified, Instant firstSeen, Instant lastSeen, int records, List<String> countries,
		Tlp tlp, boolean revoked) {

	CollectionRow {
		countries = List.copyOf(countries);
	}
}
