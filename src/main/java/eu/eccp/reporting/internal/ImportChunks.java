package eu.eccp.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;

/**
 * Stores one chunk of a bulk import in one transaction: its rows validated (each rejection kept with its line
 * and reason), organisation references checked against earlier reports and the file, duplicates found by content
 * hash (the same look-up as the public intake's), routed, written in JDBC batches, put in the processing queue
 * under the import's lease, and the job's progress recorded with them.
 */
@Component
class ImportChunks {

	private final ImportJobRepository jobs;
	private final ReportRepository reports;
	private final ReportValidator validator;
	private final ReportRouting routing;
	private final ReportIntake intake;
	private final ReportingProperties properties;
	private final ReportProcessingProperties processing;
	private final ReportProcessingQueue queue;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final MessageSource messages;

	ImportChunks(ImportJobRepository jobs, ReportRepository reports, ReportValidator validator, ReportRouting routing,
			ReportIntake intake, ReportingProperties properties, ReportProcessingProperties processing,
			ReportProcessingQueue queue, TransactionTemplate transactions, Clock clock, MessageSource messages) {
		this.jobs = jobs;
		this.reports = reports;
		this.validator = validator;
		this.routing = routing;
		this.intake = intake;
		this.properties = properties;
		this.processing = processing;
		this.queue = queue;
		this.transactions = transactions;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * Stores a chunk (its reports, their place in the processing queue, claimed by this import, its rejections
	 * and the job's progress) in one transaction; returns its reports to correlate (those that are no duplicates).
	 */
	List<ReportRepository.NewReport> store(UUID job, List<BulkRows.Row> chunk, ImportJobRepository.Submitter by,
			ImportProgress progress) {
		if (chunk.isEmpty()) {
			return List.of();
		}
		return Objects.requireNonNull(transactions.execute(status -> {
			Instant now = clock.instant();
			OrganisationId org = by.organisation();
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
						report.offence().isIllegalContent() + "|" + report.victimCountries() + "|" + report.residenceCountry(),
						key -> routing.route(report.offence(), report.victimCountries(), report.residenceCountry()));
				accepted.add(new ReportRepository.NewReport(id, Secrets.newReference(), null, "BULK", org, by.user(), null,
						report, route.owner(), route.reason(),
						duplicateOf == null ? ReportStatus.RECEIVED : ReportStatus.DUPLICATE, duplicateOf, hash, now));
			}
			reports.insertAll(accepted);
			List<ReportRepository.NewReport> originalsOnly = accepted.stream().filter(r -> r.duplicateOf() == null).toList();
			queue.enqueue(originalsOnly.stream().map(ReportRepository.NewReport::id).toList(), job, now,
					now.plus(processing.lease()));
			jobs.reject(job, rejections);
			progress.rows += chunk.size();
			progress.accepted += accepted.size();
			progress.rejected += rejections.size();
			progress.queued += originalsOnly.size();
			jobs.progress(job, "RUNNING", progress.rows, progress.accepted, progress.rejected, progress.queued);
			return originalsOnly;
		}));
	}

	private Map<String, String> existingOrganisationReferences(OrganisationId org, List<ValidReport> valid) {
		return reports.referencesByOrganisationReference(org,
				valid.stream().map(ValidReport::organisationReference).filter(r -> r != null).toList());
	}

	/** The report each content hash repeats, if any (the same look-up as the public intake's). */
	private Map<String, ReportId> originals(List<String> hashes, Instant now) {
		Map<String, ReportId> originals = new HashMap<>();
		reports.findOriginals(hashes, now.minus(properties.duplicateWindow()))
			.forEach((hash, original) -> originals.put(hash, original.id()));
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
