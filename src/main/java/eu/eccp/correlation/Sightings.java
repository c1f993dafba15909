package eu.eccp.correlation;

import java.util.List;

/**
 * Records the indicators records carry. Idempotent: recording the same record's sightings again adds
 * nothing, links nothing and notifies nobody twice.
 */
public interface Sightings {

	IngestResult record(List<RecordSightings> batch);
}
