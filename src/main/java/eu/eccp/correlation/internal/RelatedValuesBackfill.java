package eu.eccp.correlation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import eu.eccp.correlation.HitAnnouncement;
import eu.eccp.correlation.IngestResult;
import eu.eccp.correlation.Sightings;
import eu.eccp.shared.ClusterLock;

/**
 * Gives the records correlated before related values existed (migration V50) their derived sightings, so that
 * they link through a URL's domain, an e-mail domain or an address range like every newer record, and the hits
 * this finds are announced like any others. It feeds each record's exact sightings through {@link Sightings}
 * once more ({@code eccp.correlation.backfill.batch-size} records per batch, as one ingest, which takes its turn
 * among {@code eccp.correlation.concurrent-ingests}), for at most {@code eccp.correlation.backfill.run-for} per run,
 * then leaves the node to other work until the next run ({@code eccp.correlation.backfill.interval}). One node runs
 * it at a time; its cursor is in the database and a batch replayed after a crash records nothing twice.
 */
@Component
class RelatedValuesBackfill {

	static final String NAME = "related-values";

	private static final Logger log = LoggerFactory.getLogger(RelatedValuesBackfill.class);

	private final BackfillRepository backfills;
	private final Sightings sightings;
	private final ClusterLock cluster;
	private final Clock clock;
	private final int batchSize;
	private final Duration runFor;

	RelatedValuesBackfill(BackfillRepository backfills, Sightings sightings, ClusterLock cluster, Clock clock,
			@Value("${eccp.correlation.backfill.batch-size:500}") int batchSize,
			@Value("${eccp.correlation.backfill.run-for:PT10S}") Duration runFor) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("eccp.correlation.backfill.batch-size must be at least 1");
		}
		this.backfills = backfills;
		this.sightings = sightings;
		this.cluster = cluster;
		this.clock = clock;
		this.batchSize = batchSize;
		this.runFor = runFor;
	}

	@Scheduled(fixedDelayString = "${eccp.correlation.backfill.interval:PT5S}", initialDelayString = "PT20S")
	void runScheduled() {
		cluster.runExclusively("correlation.related-values-backfill", this::run);
	}

	/** Feeds batches until the backfill is done or this run's time is up; returns how many records it fed. */
	int run() {
		Instant stop = clock.instant().plus(runFor);
		int fed = 0;
		BackfillRepository.Cursor cursor = backfills.cursor(NAME).orElse(null);
		while (cursor != null && !cursor.finished() && clock.instant().isBefore(stop)) {
			BackfillRepository.Batch batch = backfills.records(cursor.nextRecord(), cursor.lastRecord(), batchSize);
			if (!batch.records().isEmpty()) {
				IngestResult result = sightings.record(batch.records(), HitAnnouncement.eachBatch());
				fed += batch.records().size();
				if (result.hits() > 0) {
					log.info("related values: {} earlier records gave {} new hits", batch.records().size(), result.hits());
				}
			}
			boolean done = batch.next() > cursor.lastRecord();
			backfills.advance(NAME, batch.next(), done ? clock.instant() : null);
			if (done) {
				log.info("related values: every record correlated before they existed now carries them");
			}
			cursor = backfills.cursor(NAME).orElse(null);
		}
		return fed;
	}
}
