package eu.eccp.correlation.internal;

import java.util.UUID;

import eu.eccp.shared.Tlp;

/**
 * A record as an ingest knows it: its row, cluster, country, owner and marking; {@code created} when this
 * transaction inserted it (so all its sightings are new).
 */
record IngestRecord(long id, long cluster, String country, UUID owner, Tlp tlp, boolean created) {

	IngestRecord inCluster(long other) {
		return new IngestRecord(id, other, country, owner, tlp, created);
	}
}
