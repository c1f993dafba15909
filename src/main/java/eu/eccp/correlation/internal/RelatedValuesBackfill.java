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
 * it at a time; its cursor is in the database and a batch replayed after a crash records nothing twice. Once a node
 * has seen the cursor finished (or no cursor at all: a database that had no records before V50), its later runs
 * stop at once, without the cluster lock or a query: no record made since can need the backfill.
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
	/** Set once the cursor was seen finished; a restart (or {@link #forget}) looks again. */
	private volatile boolean done;

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
		if (!done) {
			cluster.runExclusively("correlation.related-values-backfill", this::run);
		}
	}

	/** Whether this node has seen the backfill finished, and so no longer looks. */
	boolean done() {
		return done;
	}

	/** Looks at the cursor again at the next run, as after a restart (tests that move the cursor back). */
	void forget() {
		done = false;
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
		if (cursor == null || cursor.finished()) {
			done = true;
		}
		return fed;
	}
}
