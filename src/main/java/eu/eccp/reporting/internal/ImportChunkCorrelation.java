package eu.eccp.reporting.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.correlation.HitAnnouncement;

/**
 * Extracts and correlates the stored chunks of bulk imports, each as one batch through {@link ReportCorrelation},
 * on the import correlation thread ({@code reportImportCorrelationExecutor}), so that an import stores its next
 * chunk meanwhile. A chunk whose correlation fails goes back to the processing queue, and the processing worker
 * does it later.
 */
@Component
class ImportChunkCorrelation {

	private static final Logger log = LoggerFactory.getLogger(ImportChunkCorrelation.class);

	private final ReportCorrelation correlation;
	private final ImportJobRepository jobs;
	private final ReportProcessingQueue queue;
	private final TransactionTemplate transactions;
	private final AsyncTaskExecutor correlator;

	ImportChunkCorrelation(ReportCorrelation correlation, ImportJobRepository jobs, ReportProcessingQueue queue,
			TransactionTemplate transactions,
			@Qualifier("reportImportCorrelationExecutor") AsyncTaskExecutor correlator) {
		this.correlation = correlation;
		this.jobs = jobs;
		this.queue = queue;
		this.transactions = transactions;
		this.correlator = correlator;
	}

	/** The chunks of one import, handed over one at a time. */
	InFlight forImport(UUID job, HitAnnouncement announcement) {
		return new InFlight(job, announcement);
	}

	/**
	 * Extracts and correlates a stored chunk as one batch. If correlation fails, the chunk goes back to the
	 * processing queue and the processing worker does it later.
	 */
	private void correlate(UUID job, List<ReportRepository.NewReport> stored, HitAnnouncement announcement) {
		try {
			long hits = correlation.process(stored.stream().map(ReportForProcessing::of).toList(), announcement).hits();
			if (hits > 0) {
				jobs.addHits(job, hits);
			}
		}
		catch (RuntimeException e) {
			log.warn("bulk import {}: a chunk of {} reports could not be correlated now ({}); the processing worker retries it",
					job, stored.size(), e.getClass().getName());
			transactions.executeWithoutResult(
					status -> queue.release(stored.stream().map(ReportRepository.NewReport::id).toList()));
		}
	}

	/**
	 * The chunk of an import being extracted and correlated on the correlation thread, at most one: the next is
	 * handed over once it is done, and the import waits for the last before it ends (so its held hits are all
	 * announced). A chunk whose correlation fails, or is cut short by a stop or a crash, stays in the processing
	 * queue under this import's lease, and the processing worker correlates it once the lease runs out.
	 */
	final class InFlight {

		private final UUID job;
		private final HitAnnouncement announcement;
		private @Nullable Future<?> current;

		private InFlight(UUID job, HitAnnouncement announcement) {
			this.job = job;
			this.announcement = announcement;
		}

		/** Hands over a stored chunk, once the one before it is correlated. */
		void correlate(List<ReportRepository.NewReport> stored) {
			await();
			if (!stored.isEmpty()) {
				current = correlator.submit(() -> ImportChunkCorrelation.this.correlate(job, stored, announcement));
			}
		}

		/** Waits until the chunk in flight, if any, is correlated (or has failed, and been left to the worker). */
		void await() {
			Future<?> waiting = current;
			current = null;
			if (waiting == null) {
				return;
			}
			try {
				waiting.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while a chunk of import " + job + " was correlated", e);
			}
			catch (ExecutionException e) {
				// correlate() catches what correlation throws; anything else leaves the chunk to the processing worker
				log.warn("bulk import {}: a chunk could not be correlated now ({}); the processing worker does it", job,
						e.getCause().getClass().getName());
			}
		}
	}
}
