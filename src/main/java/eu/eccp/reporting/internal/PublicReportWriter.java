package eu.eccp.reporting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditRecord;
import eu.eccp.audit.AuditTrail;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.reporting.ReportSubmitted;
import eu.eccp.shared.NodeThread;
import eu.eccp.shared.TooManyRequestsException;

/**
 * Stores public reports, the one path for them: each is checked for being an exact resubmission (against stored
 * reports and the others stored with it), stored with its first history step, queued for processing unless it
 * repeats another, and audited with its sender's address.
 *
 * <p>Reports without files are written in groups (group commit): request threads hand their validated report to
 * one writer thread per node and wait for its commit; the writer takes whatever has arrived (at most
 * {@value #MOST_PER_GROUP}) and stores it in one transaction, so under a burst of submissions the costs of a
 * transaction — its statements' round trips, the commit's flush to disk, the audit chain's pass — are shared by
 * the reports that arrived meanwhile instead of paid for each. A report is answered only after its group has
 * committed, so an accepted report is durable. If a group fails, each of its reports is tried alone, so one bad
 * report fails only itself. At most {@value #WAITING} reports wait on a node; beyond that a submission is refused
 * with 429, saying the platform is busy and to try again in 30 seconds (back-pressure), rather than queued without
 * bound. The writer holds one database connection while it
 * writes and none while it waits; request threads hold none at all.
 */
@Component
class PublicReportWriter extends NodeThread {

	private static final Logger log = LoggerFactory.getLogger(PublicReportWriter.class);

	static final int MOST_PER_GROUP = 200;
	static final int WAITING = 2_000;
	private static final Duration ADMISSION = Duration.ofSeconds(2);
	private static final Duration ANSWER = Duration.ofSeconds(60);

	/** A validated public report ready to be stored; its route is the fresh one (a duplicate takes its original's). */
	record Prepared(ReportId id, String reference, String statusTokenHash, String channel, ValidReport report,
			ReportRouting.Route route, String contentHash, Instant now, @Nullable String remoteAddress) {
	}

	/** What became of it: stored as new, or as a duplicate of the report it repeats. */
	record Stored(boolean duplicate) {
	}

	private record Waiting(Prepared report, CompletableFuture<Stored> stored) {
	}

	private final ReportRepository reports;
	private final ReportProcessingQueue processing;
	private final ReportProcessingWorker worker;
	private final ReportingProperties properties;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final BlockingQueue<Waiting> waiting = new ArrayBlockingQueue<>(WAITING);

	PublicReportWriter(ReportRepository reports, ReportProcessingQueue processing, ReportProcessingWorker worker,
			ReportingProperties properties, AuditTrail audit, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		// starts after the database and stops before it, like the processing worker
		super("public-report-writer", SmartLifecycle.DEFAULT_PHASE - 1024, Duration.ofSeconds(15));
		this.reports = reports;
		this.processing = processing;
		this.worker = worker;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * Stores the report with the others arriving now and returns once it is committed. Called outside any
	 * transaction; when the writer is not running (starting, stopping) the report is stored at once.
	 */
	Stored write(Prepared report) {
		if (!running() || TransactionSynchronizationManager.isActualTransactionActive()) {
			return Objects.requireNonNull(transactions.execute(status -> store(List.of(report)).get(0)));
		}
		CompletableFuture<Stored> stored = new CompletableFuture<>();
		try {
			if (!waiting.offer(new Waiting(report, stored), ADMISSION.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("public intake: {} reports waiting to be stored; a submission is refused", WAITING);
				throw TooManyRequestsException.busy();
			}
			return stored.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the report was being stored", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("the report was not stored within " + ANSWER, e);
		}
	}

	/**
	 * Stores the reports in the current transaction (which must exist), in order: each is a duplicate if the same
	 * sender sent the same content within the duplicate window, before or earlier in this list.
	 */
	List<Stored> store(List<Prepared> batch) {
		Instant since = batch.stream().map(Prepared::now).min(Instant::compareTo).orElseThrow()
			.minus(properties.duplicateWindow());
		Map<String, StoredReport> earlier = reports.findOriginals(batch.stream().map(Prepared::contentHash).toList(), since);
		Map<String, Prepared> firstHere = new HashMap<>();
		List<ReportRepository.NewReport> rows = new ArrayList<>(batch.size());
		List<ReportId> fresh = new ArrayList<>(batch.size());
		List<AuditRecord> entries = new ArrayList<>(batch.size());
		List<Stored> result = new ArrayList<>(batch.size());
		Instant now = batch.get(batch.size() - 1).now();
		for (Prepared p : batch) {
			StoredReport original = earlier.get(p.contentHash());
			Prepared originalHere = original == null ? firstHere.get(p.contentHash()) : null;
			boolean duplicate = original != null || originalHere != null;
			ReportId duplicateOf = original != null ? original.id() : originalHere != null ? originalHere.id() : null;
			ReportRouting.Route route = original != null ? new ReportRouting.Route(original.owner(), original.routedBy())
					: originalHere != null ? originalHere.route() : p.route();
			if (!duplicate) {
				firstHere.put(p.contentHash(), p);
				fresh.add(p.id());
			}
			rows.add(new ReportRepository.NewReport(p.id(), p.reference(), p.statusTokenHash(), p.channel(), null, null,
					null, p.report(), route.owner(), route.reason(), duplicate ? ReportStatus.DUPLICATE : ReportStatus.RECEIVED,
					duplicateOf, p.contentHash(), p.now()));
			entries.add(new AuditRecord(AuditActor.anonymous("public"),
					AuditEvent.of(duplicate ? "report.resubmitted" : "report.submitted", "report", p.id())
						.withDetail("channel=" + p.channel() + " offence=" + p.report().offence()),
					p.remoteAddress()));
			result.add(new Stored(duplicate));
		}
		reports.insertAll(rows);
		processing.enqueue(fresh, null, now, null);
		for (ReportRepository.NewReport row : rows) {
			if (row.duplicateOf() != null) {
				reports.addEvent(row.duplicateOf(), row.now(), "RESUBMITTED", null, row.reference(), null, false);
			}
		}
		audit.recordAll(entries);
		if (!fresh.isEmpty()) {
			worker.wakeAfterCommit();
		}
		for (ReportRepository.NewReport row : rows) {
			if (row.duplicateOf() == null) {
				events.publishEvent(new ReportSubmitted(row.id(), row.owner()));
			}
		}
		return result;
	}

	@Override
	protected void work() {
		List<Waiting> group = new ArrayList<>(MOST_PER_GROUP);
		while (running() || !waiting.isEmpty()) {
			try {
				Waiting first = waiting.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				waiting.drainTo(group, MOST_PER_GROUP - 1);
				writeGroup(group);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException e) {
				// writeGroup answers every report itself; this is a last guard so the writer never dies
				log.error("public intake writer: {}", e.toString());
			}
			finally {
				group.clear();
			}
		}
		// anything left (interrupted): answer it, so no request thread waits in vain
		Waiting left;
		while ((left = waiting.poll()) != null) {
			writeGroup(new ArrayList<>(List.of(left)));
		}
	}

	private void writeGroup(List<Waiting> group) {
		try {
			List<Stored> stored = Objects.requireNonNull(
					transactions.execute(status -> store(group.stream().map(Waiting::report).toList())));
			for (int i = 0; i < group.size(); i++) {
				group.get(i).stored().complete(stored.get(i));
			}
		}
		catch (RuntimeException e) {
			if (group.size() == 1) {
				group.get(0).stored().completeExceptionally(e);
				return;
			}
			// the exception's class only: its message may quote a report's content
			log.warn("public intake: a group of {} reports could not be stored ({}); storing each alone", group.size(),
					e.getClass().getSimpleName());
			for (Waiting one : group) {
				writeGroup(new ArrayList<>(List.of(one)));
			}
		}
	}
}
