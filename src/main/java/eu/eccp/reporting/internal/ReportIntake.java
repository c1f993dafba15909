package eu.eccp.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.reporting.ReportSubmitted;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.HashedFiles;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Role;
import eu.eccp.shared.TooManyRequestsException;
import eu.eccp.shared.Upload;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes reports in: from the public (web form and JSON, no account) and from organisations (API and UI).
 * Each is validated, routed to the competent unit, checked for being an exact resubmission, stored with its
 * attachments, audited, and announced with {@link ReportSubmitted}.
 */
@Service
public class ReportIntake {

	private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);

	private final ReportValidator validator;
	private final ReportRouting routing;
	private final ReportRepository reports;
	private final AttachmentStore attachments;
	private final ClientRateLimiter rateLimiter;
	private final ReportingProperties properties;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final ReceiptMailer receipts;
	private final Clock clock;
	private final ReportProcessingQueue processing;
	private final ReportProcessingWorker worker;
	private final PublicReportWriter writer;
	private final TransactionTemplate transactions;

	ReportIntake(ReportValidator validator, ReportRouting routing, ReportRepository reports, AttachmentStore attachments,
			ClientRateLimiter rateLimiter, ReportingProperties properties, AuditTrail audit,
			ApplicationEventPublisher events, JsonMapper json, ReceiptMailer receipts, Clock clock,
			ReportProcessingQueue processing, ReportProcessingWorker worker, PublicReportWriter writer,
			TransactionTemplate transactions) {
		this.writer = writer;
		this.transactions = transactions;
		this.processing = processing;
		this.worker = worker;
		this.receipts = receipts;
		this.validator = validator;
		this.routing = routing;
		this.reports = reports;
		this.attachments = attachments;
		this.rateLimiter = rateLimiter;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * What a member of the public gets back: the reference and the status token (shown once). A duplicate
	 * receipt points at the report it repeats.
	 */
	public record PublicReceipt(String reference, String statusToken, boolean duplicate) {
	}

	/** What an organisation gets back; {@code replayed} when an idempotent retry returned the original. */
	public record OrganisationReceipt(StoredReport report, boolean replayed) {
	}

	/** Whether receipts can be e-mailed (mail is configured). */
	public boolean canEmailReceipts() {
		return receipts.available();
	}

	/** Roles that may submit reports for their organisation. */
	static final Role[] SUBMITTERS = { Role.ANALYST, Role.PARTNER, Role.HOTLINE_ANALYST, Role.CONTACT_POINT_OFFICER,
			Role.COORDINATOR };

	/**
	 * Takes a public report in: checked and prepared here, stored by {@link PublicReportWriter} (with other
	 * reports arriving at the same time when it has no files, else here with its files in one transaction).
	 * Runs outside a transaction so that the request holds no connection while its report waits to be stored.
	 */
	public PublicReceipt submitPublic(ReportDraft draft, List<Upload> files, String channel, String client) {
		if (draft.website() != null && !draft.website().isBlank()) {
			throw new InvalidRequestException("website", "validation.honeypot");
		}
		if (!rateLimiter.tryAcquire(ClientRateLimiter.Limit.PUBLIC_SUBMISSION, client)) {
			throw new TooManyRequestsException();
		}
		ValidReport report = validator.validate(draft);
		checkFiles(report, files);
		String token = Secrets.newStatusToken();
		PublicReportWriter.Prepared prepared = new PublicReportWriter.Prepared(ReportId.random(), Secrets.newReference(),
				Secrets.sha256(token), channel, report,
				routing.route(report.offence(), report.victimCountries(), report.residenceCountry()),
				contentHash(report, "public|" + Secrets.sha256(client)), clock.instant(), client);
		PublicReportWriter.Stored stored = files.isEmpty() ? writer.write(prepared)
				: Objects.requireNonNull(transactions.execute(status -> {
					PublicReportWriter.Stored one = writer.store(List.of(prepared)).get(0);
					storeFiles(prepared.id(), files, true, prepared.now());
					return one;
				}));
		if (Boolean.TRUE.equals(draft.emailReceipt()) && report.contactEmail() != null) {
			receipts.sendAfterCommit(prepared.id().toString(), report.contactEmail(), prepared.reference(), token,
					report.language());
		}
		log.info("report {} received via {}{}", prepared.id(), channel,
				stored.duplicate() ? " as a resubmission" : " routed " + prepared.route().reason());
		return new PublicReceipt(prepared.reference(), token, stored.duplicate());
	}

	@Transactional
	public OrganisationReceipt submitForOrganisation(CallerContext caller, ReportDraft draft,
			@Nullable String idempotencyKey, List<Upload> files) {
		caller.requireAny(SUBMITTERS);
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null && key.length() > 200) {
			throw new InvalidRequestException("Idempotency-Key", "validation.tooLong");
		}
		ValidReport report = validator.validate(draft);
		checkFiles(report, files);
		if (key != null || report.organisationReference() != null) {
			// Concurrent retries with the same key wait here for the first one's commit and then find its report.
			reports.lockIdempotency(caller.organisationId(), key, report.organisationReference());
			Optional<StoredReport> earlier = reports.findByIdempotency(caller.organisationId(), key,
					report.organisationReference());
			if (earlier.isPresent()) {
				return new OrganisationReceipt(earlier.get(), true);
			}
		}
		Instant now = clock.instant();
		ReportId id = ReportId.random();
		String contentHash = contentHash(report, "org|" + caller.organisationId());
		Optional<StoredReport> original = earlierCopy(contentHash, now);
		ReportRouting.Route route = routeOf(report, original);
		reports.insert(new ReportRepository.NewReport(id, Secrets.newReference(), null, "ORGANISATION",
				caller.organisationId(), caller.userId().value(), key, report, route.owner(), route.reason(),
				original.isPresent() ? ReportStatus.DUPLICATE : ReportStatus.RECEIVED,
				original.map(StoredReport::id).orElse(null), contentHash, now));
		storeFiles(id, files, true, now);
		audit.record(AuditEvent.of(original.isPresent() ? "report.resubmitted" : "report.submitted", "report", id)
			.withDetail("channel=ORGANISATION offence=" + report.offence()));
		if (original.isEmpty()) {
			queueForProcessing(id, now);
			events.publishEvent(new ReportSubmitted(id, route.owner()));
		}
		return new OrganisationReceipt(reports.findById(id).orElseThrow(), false);
	}

	/** The report's indicators are extracted and correlated by the processing worker, after this commits. */
	void queueForProcessing(ReportId id, Instant now) {
		processing.enqueue(List.of(id), null, now, null);
		worker.wakeAfterCommit();
	}

	/** The report this one repeats, if the same sender sent the same content within the duplicate window. */
	private Optional<StoredReport> earlierCopy(String contentHash, Instant now) {
		return Optional.ofNullable(
				reports.findOriginals(List.of(contentHash), now.minus(properties.duplicateWindow())).get(contentHash));
	}

	/** A duplicate goes where the report it repeats went; anything else is routed afresh. */
	private ReportRouting.Route routeOf(ValidReport report, Optional<StoredReport> original) {
		return original.map(o -> new ReportRouting.Route(o.owner(), o.routedBy()))
			.orElseGet(() -> routing.route(report.offence(), report.victimCountries(), report.residenceCountry()));
	}

	private void checkFiles(ValidReport report, List<Upload> files) {
		if (files.isEmpty()) {
			return;
		}
		if (report.offence().forbidsAttachments()) {
			throw new InvalidRequestException("attachments", "validation.csamNoFiles");
		}
		if (files.size() > properties.maxAttachments()) {
			throw new InvalidRequestException("attachments", "validation.tooManyAttachments");
		}
	}

	/** Stores the files; if the transaction rolls back, stored files are removed again. */
	void storeFiles(ReportId id, List<Upload> files, boolean byReporter, Instant now) {
		List<AttachmentView> stored = new ArrayList<>();
		try {
			for (int i = 0; i < files.size(); i++) {
				AttachmentView attachment = attachments.store(id, files.get(i), "attachments[" + i + "]", byReporter, now);
				stored.add(attachment);
				reports.insertAttachment(id, attachment);
			}
		}
		catch (RuntimeException e) {
			stored.forEach(a -> attachments.delete(id, a.id()));
			throw e;
		}
		stored.forEach(a -> HashedFiles.deleteOnRollback(attachments.path(id, a.id())));
	}

	/**
	 * The fingerprint of a report's content and its sender, for spotting exact resubmissions: the same
	 * reporter (organisation, or anonymous client) sending the same content again.
	 */
	String contentHash(ValidReport report, String sender) {
		TreeMap<String, Object> canonical = new TreeMap<>();
		canonical.put("sender", sender);
		canonical.put("offence", report.offence().name());
		canonical.put("description", report.description());
		canonical.put("details", report.details());
		canonical.put("victims", report.victimCountries().toString());
		canonical.put("residence", String.valueOf(report.residenceCountry()));
		canonical.put("occurredAt", String.valueOf(report.occurredAt()));
		canonical.put("loss", report.lossAmount() + " " + report.lossCurrency());
		canonical.put("contact", report.contactName() + "|" + report.contactEmail() + "|" + report.contactPhone());
		canonical.put("orgReference", String.valueOf(report.organisationReference()));
		return Secrets.sha256(json.writeValueAsString(canonical));
	}
}
