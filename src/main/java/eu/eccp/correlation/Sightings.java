package eu.eccp.correlation;

import java.util.List;

/**
 * Records the indicators records carry, in batches: the module that owns a record extracts its indicators
 * and hands them over here with the batch it already holds. Idempotent: recording the same record's
 * sightings again adds nothing, links nothing and notifies nobody twice.
 */
public interface Sightings {

	/** Records a batch, announcing its hits once per organisation. */
	default IngestResult record(List<RecordSightings> batch) {
		return record(batch, HitAnnouncement.eachBatch());
	}

	/** Records a batch, announcing its hits as {@code announcement} says. */
	IngestResult record(List<RecordSightings> batch, HitAnnouncement announcement);

	/**
	 * Announces the hits held under {@code key} (once per organisation, with every hit held for it) and forgets
	 * them; returns how many hits were announced (0 when nothing was held).
	 */
	int announce(String key);
}
