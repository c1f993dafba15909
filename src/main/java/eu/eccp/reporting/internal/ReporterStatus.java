package eu.eccp.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.TooManyRequestsException;
import eu.eccp.shared.Upload;

/**
 * What a member of the public sees of their report with its reference and status token: its status in
 * plain words and the history they may see, and a way to add information or files later. Without the
 * right token nothing is revealed, not even whether the reference exists.
 */
@Service
public class ReporterStatus {

	static final int MAX_ADDITION = 10_000;

	private final ReportRepository reports;
	private final ReportIntake intake;
	private final ClientRateLimiter rateLimiter;
	private final AuditTrail audit;
	private final Clock clock;

	ReporterStatus(ReportRepository reports, ReportIntake intake, ClientRateLimiter rateLimiter, AuditTrail audit,
			Clock clock) {
		this.reports = reports;
		this.intake = intake;
		this.rateLimiter = rateLimiter;
		this.audit = audit;
		this.clock = clock;
	}

	/** The reporter-visible view of a report. */
	public record ReporterView(String reference, ReportStatus status, Offence offence, Instant submittedAt,
			Instant updatedAt, @Nullable String duplicateOfReference, List<ReportEvent> history,
			List<String> attachmentNames) {
	}

	@Transactional(readOnly = true)
	public ReporterView view(String reference, String token, String client) {
		return find(reference, token, client).map(this::view)
			.orElseThrow(() -> new RecordNotFoundException("report with this reference and status token"));
	}

	@Transactional
	public ReporterView addInformation(String reference, String token, String client, @Nullable String text,
			List<Upload> files) {
		StoredReport report = find(reference, token, client)
			.orElseThrow(() -> new RecordNotFoundException("report with this reference and status token"));
		String addition = text == null ? "" : text.strip();
		if (addition.isEmpty() && files.isEmpty()) {
			throw new InvalidRequestException("text", "validation.additionEmpty");
		}
		if (addition.length() > MAX_ADDITION) {
			throw new InvalidRequestException("text", "validation.tooLong");
		}
		if (!files.isEmpty() && report.offence().forbidsAttachments()) {
			throw new InvalidRequestException("attachments", "validation.csamNoFiles");
		}
		Instant now = clock.instant();
		intake.storeFiles(report.id(), files, true, now);
		if (!files.isEmpty() && report.duplicateOf() == null) {
			// the new files' indicators are extracted and correlated like the report's own
			intake.queueForProcessing(report.id(), now);
		}
		reports.addEvent(report.id(), now, "INFORMATION_ADDED", null, addition.isEmpty() ? null : addition, null, true);
		reports.touch(report.id(), now);
		audit.record(AuditActor.anonymous("public"), AuditEvent.of("report.information-added", "report", report.id())
			.withDetail("files=" + files.size()));
		return view(reports.findById(report.id()).orElseThrow());
	}

	private Optional<StoredReport> find(String reference, String token, String client) {
		if (!rateLimiter.tryAcquire(ClientRateLimiter.Limit.STATUS_LOOKUP, client)) {
			throw new TooManyRequestsException();
		}
		String tokenHash = Secrets.sha256(token == null ? "" : token.strip());
		Optional<StoredReport> report = reports.findByReference(reference == null ? "" : reference.strip().toUpperCase());
		String stored = report.flatMap(r -> reports.statusTokenHash(r.id())).orElse(Secrets.sha256("no such report"));
		return Secrets.sameHash(stored, tokenHash) ? report : Optional.empty();
	}

	private ReporterView view(StoredReport report) {
		String duplicateOf = report.duplicateOf() == null ? null
				: reports.findById(report.duplicateOf()).map(StoredReport::reference).orElse(null);
		// the reporter sees what they added and each status, never who did what or internal reasons
		List<ReportEvent> history = reports.events(report.id())
			.stream()
			.filter(ReportEvent::visibleToReporter)
			.map(e -> new ReportEvent(e.at(), e.type(), e.status(),
					e.type().equals("INFORMATION_ADDED") ? e.text() : null, null, true))
			.toList();
		List<String> names = reports.attachments(report.id()).stream().filter(AttachmentView::byReporter)
			.map(AttachmentView::fileName).toList();
		return new ReporterView(report.reference(), report.status(), report.offence(), report.submittedAt(),
				report.updatedAt(), duplicateOf, history, names);
	}
}
