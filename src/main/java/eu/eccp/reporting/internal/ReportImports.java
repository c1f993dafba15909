package eu.eccp.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;

import eu.eccp.correlation.HitAnnouncement;
import eu.eccp.correlation.Sightings;
import eu.eccp.shared.TooManyRequestsException;
import eu.eccp.shared.UserId;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk intake of NDJSON or CSV files from organisations, as background jobs. The upload is streamed to a
 * file first; rows are then read one at a time and stored in chunks ({@link ImportChunks}: validated, routed,
 * JDBC batches, one transaction per chunk), and each chunk's indicators are extracted and correlated as one
 * batch ({@link ImportChunkCorrelation}), its hits held so that the import notifies each organisation once, at
 * its end. A chunk is correlated on a second thread while the next one is stored (one chunk in flight), so that
 * storing and correlating overlap.
 * Every rejected row is kept with its line number and reason; nothing is dropped.
 *
 * <p>Imports run one at a time per node on their own thread. A node holds a lease on each job it has queued
 * or is running, renewed while it lives; a job whose node died (its lease ran out) is resumed by the next node
 * that finds it, from the last chunk it committed, and the uploaded file is deleted when the job ends.
 */
@Service
public class ReportImports {

	/** The documented CSV columns, for the upload page. */
	public static final java.util.List<String> CSV_COLUMNS = BulkRows.CSV_COLUMNS;

	private static final Logger log = LoggerFactory.getLogger(ReportImports.class);

	private final ImportJobRepository jobs;
	private final ImportChunks chunks;
	private final ImportChunkCorrelation chunkCorrelation;
	private final ReportProcessingProperties processing;
	private final Sightings sightings;
	private final AuditTrail audit;
	private final TaskExecutor executor;
	private final JsonMapper json;
	private final Clock clock;
	private final Path directory;
	/** This node, as named in the leases of the jobs it holds. */
	private final String node = UUID.randomUUID().toString();
	/** The jobs this node has queued or is running, whose leases it renews. */
	private final Set<UUID> held = ConcurrentHashMap.newKeySet();
	private volatile boolean stopping;
	private boolean leftoversChecked;

	ReportImports(ImportJobRepository jobs, ImportChunks chunks, ImportChunkCorrelation chunkCorrelation,
			ReportProcessingProperties processing, Sightings sightings, AuditTrail audit,
			@Qualifier("reportImportExecutor") TaskExecutor executor, JsonMapper json, Clock clock,
			@Value("${eccp.data-dir:./data}") Path dataDir) {
		this.jobs = jobs;
		this.chunks = chunks;
		this.chunkCorrelation = chunkCorrelation;
		this.processing = processing;
		this.sightings = sightings;
		this.audit = audit;
		this.executor = executor;
		this.json = json;
		this.clock = clock;
		this.directory = dataDir.resolve("imports").toAbsolutePath().normalize();
	}

	/** The format named by a content type or file name: {@code ndjson} or {@code csv}; null if neither. */
	public static @Nullable String format(@Nullable String contentType, @Nullable String fileName) {
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (type.startsWith("text/csv") || name.endsWith(".csv")) {
			return "csv";
		}
		if (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson")
				|| type.startsWith("application/jsonl") || name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
			return "ndjson";
		}
		return null;
	}

	/** Stores the upload and queues its import; returns at once with the job to follow. */
	public ImportJob start(CallerContext caller, @Nullable String format, @Nullable String fileName, InputStream body) {
		caller.requireAny(ReportIntake.SUBMITTERS);
		if (format == null) {
			throw new InvalidRequestException("file", "validation.bulkFormat");
		}
		if (held.size() >= processing.queuedImports()) {
			throw new TooManyRequestsException();
		}
		UUID id = UUID.randomUUID();
		Path file = fileOf(id, format);
		try {
			Files.createDirectories(directory);
			Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			delete(file, id);
			throw new UncheckedIOException("could not store the uploaded file", e);
		}
		Instant now = clock.instant();
		jobs.insert(id, caller.organisationId().value(), caller.userId().value(), caller.username(), format,
				fileName == null ? null : AttachmentStore.safeName(fileName), now, node, now.plus(processing.lease()));
		audit.record(AuditEvent.of("report.bulk-import-started", "report_import_job", id).withDetail("format=" + format));
		schedule(id);
		return jobs.find(id).orElseThrow();
	}

	public ImportJob status(CallerContext caller, UUID id) {
		return jobs.find(id)
			.filter(job -> job.organisationId().equals(caller.organisationId().value()))
			.orElseThrow(() -> new RecordNotFoundException("import job"));
	}

	public Page<ImportRejection> rejections(CallerContext caller, UUID id, PageRequest page) {
		status(caller, id);
		return jobs.rejections(id, page);
	}

	private Path fileOf(UUID id, String format) {
		return directory.resolve(id + "." + format);
	}

	private void schedule(UUID id) {
		held.add(id);
		try {
			executor.execute(() -> {
				try {
					run(id);
				}
				finally {
					held.remove(id);
				}
			});
		}
		catch (TaskRejectedException e) {
			// the node is stopping: the job stays queued and the next node to start resumes it
			held.remove(id);
			jobs.releaseLease(id, node);
		}
	}

	/**
	 * Renews this node's leases, and resumes the jobs of nodes that died (a restart after a crash included):
	 * at start-up and then every {@code eccp.reporting.processing.watch-interval} (20 s, a third of the lease).
	 */
	@Scheduled(initialDelay = 0, fixedDelayString = "${eccp.reporting.processing.watch-interval:20s}")
	void watchJobs() {
		if (stopping) {
			return;
		}
		Instant now = clock.instant();
		if (!leftoversChecked) {
			deleteFilesOfEndedJobs();
			leftoversChecked = true;
		}
		List<UUID> mine = jobs.renew(List.copyOf(held), node, now.plus(processing.lease()));
		held.retainAll(mine);
		for (ImportJob job : jobs.orphaned(now)) {
			if (held.contains(job.id()) || !jobs.takeOver(job.id(), node, now, now.plus(processing.lease()))) {
				continue;
			}
			log.warn("bulk import {} was interrupted after {} rows; resuming it", job.id(), job.rowsDone());
			schedule(job.id());
		}
	}

	/**
	 * Uploaded files of jobs that ended (or are unknown) are deleted: a crash between a job's end and the
	 * deletion of its file must not leave personal data on disk.
	 */
	private void deleteFilesOfEndedJobs() {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (java.util.stream.Stream<Path> files = Files.list(directory)) {
			files.forEach(file -> {
				String name = file.getFileName().toString();
				int dot = name.indexOf('.');
				try {
					UUID id = UUID.fromString(dot < 0 ? name : name.substring(0, dot));
					// a file still being uploaded has no job yet: only files untouched for a lease are looked at
					boolean settled = Files.getLastModifiedTime(file).toInstant()
						.isBefore(clock.instant().minus(processing.lease()));
					if (settled && jobs.find(id).map(ImportJob::finished).orElse(true)) {
						delete(file, id);
					}
				}
				catch (IllegalArgumentException notAJobFile) {
					// not one of ours; left alone
				}
				catch (IOException unreadable) {
					log.warn("could not check the leftover import file {}", name);
				}
			});
		}
		catch (IOException e) {
			log.warn("could not look for leftover import files: {}", e.getClass().getName());
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		stopping = true;
	}

	/** Runs (or resumes) a job from the first row after the last committed chunk. */
	private void run(UUID id) {
		ImportJob job = jobs.find(id).orElse(null);
		if (job == null || job.finished()) {
			return;
		}
		Path file = fileOf(id, job.format());
		ImportJobRepository.Submitter by = jobs.submitter(id).orElseThrow();
		HitAnnouncement announcement = HitAnnouncement.heldUnder(ReportCorrelation.announcementKey(id));
		ImportProgress progress = new ImportProgress(job);
		boolean ended = false;
		if (!Files.exists(file)) {
			jobs.finish(id, "FAILED", "the uploaded file is no longer available (" + job.rowsDone()
					+ " rows had been read and their reports are stored); upload the rest again", clock.instant());
			announce(id);
			return;
		}
		ImportChunkCorrelation.InFlight inFlight = chunkCorrelation.forImport(id, announcement);
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				BulkRows rows = BulkRows.open(job.format(), reader, json)) {
			jobs.progress(id, "RUNNING", progress.rows, progress.accepted, progress.rejected, progress.queued);
			for (long skipped = 0; skipped < job.rowsDone() && rows.hasNext(); skipped++) {
				rows.next();
			}
			List<BulkRows.Row> chunk = new ArrayList<>(processing.importChunk());
			while (rows.hasNext()) {
				if (stopping) {
					// a stop in the middle: the next start resumes after the last committed chunk
					inFlight.await();
					jobs.releaseLease(id, node);
					log.info("bulk import {} paused after {} rows by a stop of this node", id, progress.rows);
					return;
				}
				chunk.add(rows.next());
				if (chunk.size() == processing.importChunk()) {
					inFlight.correlate(chunks.store(id, chunk, by, progress));
					chunk.clear();
				}
			}
			inFlight.correlate(chunks.store(id, chunk, by, progress));
			inFlight.await();
			// finished first: the processing worker, finding the job finished after it correlated leftovers of
			// the job (rows of a chunk cut short by a crash), announces what it held itself, so nothing is lost
			jobs.finish(id, "COMPLETED", null, clock.instant());
			ended = true;
			long hits = announce(id);
			audit.record(new AuditActor(new UserId(by.user()), by.userName(), by.organisation()),
				AuditEvent.of("report.bulk-imported", "report_import_job", id)
					.withDetail("rows=" + progress.rows + " accepted=" + progress.accepted + " rejected="
							+ progress.rejected + " hits=" + hits + (job.resumed() > 0 ? " resumed=" + job.resumed() : "")));
			log.info("bulk import {}: {} rows, {} accepted, {} rejected, {} hits", id, progress.rows, progress.accepted,
					progress.rejected, hits);
		}
		catch (BulkRows.UnreadableFileException e) {
			inFlight.await();
			jobs.finish(id, "FAILED", e.getMessage(), clock.instant());
			ended = true;
			announce(id);
		}
		catch (RuntimeException | IOException e) {
			log.error("bulk import {} failed after {} rows: {}", id, progress.rows, e.getClass().getName());
			inFlight.await();
			jobs.finish(id, "FAILED", "the import stopped after " + progress.rows
					+ " rows because of an internal error; the accepted rows are stored", clock.instant());
			ended = true;
			announce(id);
		}
		finally {
			if (ended) {
				delete(file, id);
			}
		}
	}

	/** Announces the import's held hits (once per organisation); returns how many. */
	private long announce(UUID id) {
		try {
			return sightings.announce(ReportCorrelation.announcementKey(id));
		}
		catch (RuntimeException e) {
			log.error("hits of bulk import {} could not be announced: {}", id, e.getClass().getName());
			return 0;
		}
	}

	private void delete(Path file, UUID id) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("could not delete the import file of job {}", id);
		}
	}
}
