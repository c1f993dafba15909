package eu.eccp.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.correlation.HitAnnouncement;
import eu.eccp.correlation.Sightings;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.NodeThread;

/**
 * Extracts and correlates the reports waiting in the processing queue, in batches, on one thread of its own
 * per node (never one task per report, so a burst of reports cannot take the connection pool: the worker
 * holds at most one connection at a time). Woken when a report is stored on this node, otherwise it looks
 * for due work every {@code poll-interval}, which also picks up work a crashed node left behind once its
 * claims expire. After a batch that did not fill up it lets reports gather for {@code gather} before it claims
 * again, so a steady stream is processed in batches of what arrived meanwhile rather than a few reports at a
 * time (an idle worker still takes a single report at once). A batch that fails is split and each report tried alone, so one bad report delays only
 * itself; it is retried with a growing wait until it succeeds, and counted as failing for administrators.
 */
@Component
class ReportProcessingWorker extends NodeThread {

	private static final Logger log = LoggerFactory.getLogger(ReportProcessingWorker.class);

	private final ReportProcessingQueue queue;
	private final ReportRepository reports;
	private final ReportCorrelation correlation;
	private final ImportJobRepository jobs;
	private final Sightings sightings;
	private final ReportProcessingProperties properties;
	private final TransactionTemplate transactions;
	private final Clock clock;

	ReportProcessingWorker(ReportProcessingQueue queue, ReportRepository reports, ReportCorrelation correlation,
			ImportJobRepository jobs, Sightings sightings, ReportProcessingProperties properties,
			TransactionTemplate transactions, Clock clock) {
		// stops before the web server and the database do, starts after them
		super("report-processing", SmartLifecycle.DEFAULT_PHASE - 1024, Duration.ofSeconds(15));
		this.sightings = sightings;
		this.queue = queue;
		this.reports = reports;
		this.correlation = correlation;
		this.jobs = jobs;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Wakes the worker once the current transaction commits (at once when there is none). */
	void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake();
				}
			});
		}
		else {
			wake();
		}
	}

	@Override
	protected void work() {
		while (running()) {
			int claimed;
			try {
				claimed = processDue();
			}
			catch (RuntimeException e) {
				// e.g. the database is unreachable for a moment: wait and look again
				log.warn("report processing could not claim work: {}", e.toString());
				claimed = 0;
			}
			if (claimed == 0) {
				await();
			}
			else if (claimed < properties.batchSize()) {
				gather();
			}
		}
	}

	/** Lets the reports arriving now gather into the next batch; only stopping cuts it short. */
	private void gather() {
		pause(properties.gather(), false);
	}

	/** Waits for a report stored on this node, or the poll interval. */
	private void await() {
		pause(properties.pollInterval(), true);
	}

	/** Claims and processes one batch of due reports; returns how many it claimed (a full batch: there may be more). */
	int processDue() {
		Instant now = clock.instant();
		List<ReportProcessingQueue.Claimed> claimed = Objects.requireNonNull(
				transactions.execute(status -> queue.claimDue(properties.batchSize(), now, properties.lease())));
		if (claimed.isEmpty()) {
			return 0;
		}
		// reports of one import are correlated together, their hits held for the import's one announcement
		Map<Optional<UUID>, List<ReportProcessingQueue.Claimed>> byImport = new LinkedHashMap<>();
		claimed.forEach(c -> byImport.computeIfAbsent(Optional.ofNullable(c.importJob()), k -> new ArrayList<>()).add(c));
		byImport.forEach((job, group) -> {
			HitAnnouncement announcement = announcementFor(job.orElse(null));
			long hits = process(group, announcement);
			job.ifPresent(id -> afterImportGroup(id, hits, announcement));
		});
		return claimed.size();
	}

	/** Hits of a running import wait for its end; those of anything else are announced with their batch. */
	private HitAnnouncement announcementFor(@Nullable UUID importJob) {
		if (importJob == null) {
			return HitAnnouncement.eachBatch();
		}
		boolean open = jobs.find(importJob).map(j -> !j.finished()).orElse(false);
		return open ? HitAnnouncement.heldUnder(ReportCorrelation.announcementKey(importJob))
				: HitAnnouncement.eachBatch();
	}

	/** Processes a group (split up if it fails); returns the hits it made. */
	private long process(List<ReportProcessingQueue.Claimed> group, HitAnnouncement announcement) {
		List<ReportId> ids = group.stream().map(ReportProcessingQueue.Claimed::report).toList();
		try {
			List<ReportForProcessing> batch = reports.findForProcessing(ids);
			return correlation.process(batch, announcement).hits();
		}
		catch (RuntimeException e) {
			if (group.size() == 1) {
				failed(group.get(0), e);
				return 0;
			}
			log.warn("report processing of a batch of {} failed ({}); trying its reports one by one", group.size(),
					e.getClass().getSimpleName());
			return group.stream().mapToLong(one -> process(List.of(one), announcement)).sum();
		}
	}

	/**
	 * Reports an import left behind count towards its hits; if the import finished while they were held for
	 * its announcement, the import has announced already, so what was held is announced now.
	 */
	private void afterImportGroup(UUID job, long hits, HitAnnouncement announcement) {
		if (hits > 0) {
			jobs.addHits(job, hits);
		}
		String key = announcement.heldUnder();
		if (key != null && jobs.find(job).map(ImportJob::finished).orElse(true)) {
			sightings.announce(key);
		}
	}

	private void failed(ReportProcessingQueue.Claimed claimed, RuntimeException e) {
		Instant retry = clock.instant().plus(properties.backoff(claimed.attempts()));
		// the exception's class only: its message may quote the report's content
		log.error("report {} could not be processed (attempt {}): {}; retried at {}", claimed.report(),
				claimed.attempts() + 1, e.getClass().getName(), retry);
		try {
			transactions.executeWithoutResult(status -> queue.failed(claimed.report(), retry, e.getClass().getName()));
		}
		catch (RuntimeException again) {
			log.warn("could not record the failure of report {}; its claim expires instead", claimed.report());
		}
	}
}
