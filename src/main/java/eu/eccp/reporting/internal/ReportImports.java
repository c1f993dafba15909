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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.reporting.ReportSubmitted;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.SqlTimes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk intake of NDJSON or CSV files from organisations, as background jobs. The upload is streamed to a
 * file first; rows are then read one at a time, validated, routed and stored in chunks (JDBC batches, one
 * transaction per chunk). Every rejected row is kept with its line number and reason; nothing is dropped.
 */
@Service
public class ReportImports {

	/** The documented CSV columns, for the upload page. */
	public static final java.util.List<String> CSV_COLUMNS = BulkRows.CSV_COLUMNS;

	static final int CHUNK = 1_000;
	private static final Logger log = LoggerFactory.getLogger(ReportImports.class);

	private final ImportJobRepository jobs;
	private final ReportRepository reports;
	private final ReportValidator validator;
	private final ReportRouting routing;
	private final ReportIntake intake;
	private final ReportingProperties properties;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final TaskExecutor executor;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final Path directory;
	private final MessageSource messages;

	ReportImports(ImportJobRepository jobs, ReportRepository reports, ReportValidator validator, ReportRouting routing,
			ReportIntake intake, ReportingProperties properties, AuditTrail audit, ApplicationEventPublisher events,
			TransactionTemplate transactions, @Qualifier("reportImportExecutor") TaskExecutor executor, JdbcClient jdbc,
			JsonMapper json, Clock clock, @Value("${eccp.data-dir:./data}") Path dataDir, MessageSource messages) {
		this.jobs = jobs;
		this.reports = reports;
		this.validator = validator;
		this.routing = routing;
		this.intake = intake;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.executor = executor;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.directory = dataDir.resolve("imports").toAbsolutePath().normalize();
		this.messages = messages;
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
		UUID id = UUID.randomUUID();
		Path file = directory.resolve(id + "." + format);
		try {
			Files.createDirectories(directory);
			Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not store the uploaded file", e);
		}
		jobs.insert(id, caller.organisationId().value(), caller.userId().value(), format,
				fileName == null ? null : AttachmentStore.safeName(fileName), clock.instant());
		audit.record(AuditEvent.of("report.bulk-import-started", "report_import_job", id).withDetail("format=" + format));
		executor.execute(() -> run(id, file, format, caller));
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

	@EventListener(ApplicationReadyEvent.class)
	void failInterruptedJobs() {
		int failed = jobs.failInterrupted(clock.instant());
		if (failed > 0) {
			log.warn("{} bulk import jobs were interrupted by a restart and are marked failed", failed);
		}
	}

	private void run(UUID id, Path file, String format, CallerContext caller) {
		Progress progress = new Progress();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				BulkRows rows = BulkRows.open(format, reader, json)) {
			jobs.progress(id, "RUNNING", 0, 0, 0);
			List<BulkRows.Row> chunk = new ArrayList<>(CHUNK);
			while (rows.hasNext()) {
				chunk.add(rows.next());
				if (chunk.size() == CHUNK) {
					importChunk(id, chunk, caller, progress);
					chunk.clear();
				}
			}
			importChunk(id, chunk, caller, progress);
			jobs.finish(id, "COMPLETED", null, clock.instant());
			audit.record(AuditActor.of(caller), AuditEvent.of("report.bulk-imported", "report_import_job", id)
				.withDetail("rows=" + progress.rows + " accepted=" + progress.accepted + " rejected=" + progress.rejected));
			log.info("bulk import {}: {} rows, {} accepted, {} rejected", id, progress.rows, progress.accepted,
					progress.rejected);
		}
		catch (BulkRows.UnreadableFileException e) {
			jobs.finish(id, "FAILED", e.getMessage(), clock.instant());
		}
		catch (RuntimeException | IOException e) {
			log.error("bulk import {} failed after {} rows", id, progress.rows, e);
			jobs.finish(id, "FAILED", "the import stopped after " + progress.rows
					+ " rows because of an internal error; the accepted rows are stored", clock.instant());
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				log.warn("could not delete the import file of job {}", id);
			}
		}
	}

	/** Counters of a running import and what it has seen so far. */
	private static final class Progress {

		long rows;
		long accepted;
		long rejected;
		final Set<String> organisationReferences = new HashSet<>();
		final Map<String, ReportId> contentSeen = new HashMap<>();
		final Map<String, ReportRouting.Route> routes = new HashMap<>();
	}

	private void importChunk(UUID job, List<BulkRows.Row> chunk, CallerContext caller, Progress progress) {
		if (chunk.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			Instant now = clock.instant();
			OrganisationId org = caller.organisationId();
			List<ImportRejection> rejections = new ArrayList<>();
			List<ValidReport> valid = new ArrayList<>();
			List<Long> lines = new ArrayList<>();
			for (BulkRows.Row row : chunk) {
				if (row.error() != null) {
					rejections.add(new ImportRejection(row.line(), row.error()));
					continue;
				}
				try {
					valid.add(validator.validate(row.draft()));
					lines.add(row.line());
				}
				catch (InvalidRequestException e) {
					rejections.add(new ImportRejection(row.line(), describe(e)));
				}
			}
			Map<String, String> existingReferences = existingOrganisationReferences(org, valid);
			List<String> hashes = valid.stream().map(r -> intake.contentHash(r, "org|" + org)).toList();
			Map<String, ReportId> originals = originals(hashes, now);
			List<ReportRepository.NewReport> accepted = new ArrayList<>();
			for (int i = 0; i < valid.size(); i++) {
				ValidReport report = valid.get(i);
				String orgReference = report.organisationReference();
				if (orgReference != null) {
					String earlier = existingReferences.get(orgReference);
					if (earlier != null || !progress.organisationReferences.add(orgReference)) {
						rejections.add(new ImportRejection(lines.get(i), "organisationReference " + orgReference
								+ " was already submitted" + (earlier == null ? " earlier in this file" : " as " + earlier)));
						continue;
					}
				}
				String hash = hashes.get(i);
				ReportId id = ReportId.random();
				ReportId duplicateOf = originals.containsKey(hash) ? originals.get(hash) : progress.contentSeen.get(hash);
				if (duplicateOf == null) {
					progress.contentSeen.put(hash, id);
				}
				ReportRouting.Route route = progress.routes.computeIfAbsent(
						report.victimCountries() + "|" + report.residenceCountry(),
						key -> routing.route(report.victimCountries(), report.residenceCountry()));
				accepted.add(new ReportRepository.NewReport(id, Secrets.newReference(), null, "BULK", org,
						caller.userId().value(), null, report, route.owner(), route.reason(),
						duplicateOf == null ? ReportStatus.RECEIVED : ReportStatus.DUPLICATE, duplicateOf, hash, now));
			}
			reports.insertAll(accepted);
			for (ReportRepository.NewReport report : accepted) {
				if (report.duplicateOf() == null) {
					events.publishEvent(new ReportSubmitted(report.id(), report.owner()));
				}
			}
			jobs.reject(job, rejections);
			progress.rows += chunk.size();
			progress.accepted += accepted.size();
			progress.rejected += rejections.size();
			jobs.progress(job, "RUNNING", progress.rows, progress.accepted, progress.rejected);
		});
	}

	private Map<String, String> existingOrganisationReferences(OrganisationId org, List<ValidReport> valid) {
		List<String> references = valid.stream().map(ValidReport::organisationReference).filter(r -> r != null).toList();
		Map<String, String> existing = new HashMap<>();
		if (references.isEmpty()) {
			return existing;
		}
		jdbc.sql("SELECT org_reference, reference FROM report WHERE submitted_by_org = :org AND org_reference = ANY (:refs)")
			.param("org", org.value())
			.param("refs", references.toArray(String[]::new))
			.query((rs, n) -> existing.put(rs.getString(1), rs.getString(2)))
			.list();
		return existing;
	}

	private Map<String, ReportId> originals(List<String> hashes, Instant now) {
		Map<String, ReportId> originals = new HashMap<>();
		if (hashes.isEmpty()) {
			return originals;
		}
		jdbc.sql("""
				SELECT content_hash, id FROM report WHERE content_hash = ANY (:hashes) AND submitted_at >= :since
				  AND duplicate_of IS NULL""")
			.param("hashes", hashes.toArray(String[]::new))
			.param("since", SqlTimes.at(now.minus(properties.duplicateWindow())))
			.query((rs, n) -> originals.putIfAbsent(rs.getString(1), new ReportId(rs.getObject(2, UUID.class))))
			.list();
		return originals;
	}

	/** Rejection reasons are kept in English, with the field names of the file. */
	private String describe(InvalidRequestException e) {
		StringBuilder reason = new StringBuilder();
		e.fieldErrors().forEach((field, code) -> {
			if (!reason.isEmpty()) {
				reason.append("; ");
			}
			reason.append(field).append(": ").append(messages.getMessage(code, null, code, Locale.ENGLISH));
		});
		return reason.toString();
	}
}
