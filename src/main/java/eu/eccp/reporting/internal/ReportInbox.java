package eu.eccp.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;
import eu.eccp.shared.Visibility;

/**
 * The analysts' side: the inbox of reports routed to their unit, a report's details (reporter contact
 * details only for the owning unit, every view audited), assignment and status changes. Organisations that
 * submitted a report see that submission and its status.
 */
@Service
public class ReportInbox {

	/** Roles that work on reports routed to their unit. */
	static final Role[] TRIAGE = { Role.ANALYST, Role.COORDINATOR, Role.HOTLINE_ANALYST };

	private static final Map<ReportStatus, Set<ReportStatus>> TRANSITIONS = Map.of(
			ReportStatus.RECEIVED, EnumSet.of(ReportStatus.IN_REVIEW, ReportStatus.REFERRED, ReportStatus.CLOSED),
			ReportStatus.IN_REVIEW, EnumSet.of(ReportStatus.LINKED_TO_CASE, ReportStatus.REFERRED, ReportStatus.CLOSED),
			ReportStatus.LINKED_TO_CASE, EnumSet.of(ReportStatus.IN_REVIEW, ReportStatus.CLOSED),
			ReportStatus.REFERRED, EnumSet.of(ReportStatus.IN_REVIEW, ReportStatus.CLOSED),
			ReportStatus.CLOSED, EnumSet.of(ReportStatus.IN_REVIEW),
			ReportStatus.DUPLICATE, EnumSet.of(ReportStatus.IN_REVIEW));

	private final ReportRepository reports;
	private final ReportIndicatorRepository indicators;
	private final AttachmentStore attachments;
	private final People people;
	private final ReportAccessGrants grants;
	private final AuditTrail audit;
	private final Clock clock;

	ReportInbox(ReportRepository reports, ReportIndicatorRepository indicators, AttachmentStore attachments,
			People people, ReportAccessGrants grants, AuditTrail audit, Clock clock) {
		this.grants = grants;
		this.reports = reports;
		this.indicators = indicators;
		this.attachments = attachments;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	/** A report as its owning unit (or its submitter) sees it. */
	public record ReportDetail(StoredReport report, @Nullable ReporterContact contact, boolean owner,
			List<ReportEvent> history, List<AttachmentView> attachments, @Nullable PersonView assignee,
			List<PersonView> assignable, Set<ReportStatus> nextStatuses,
			List<eu.eccp.reporting.internal.ReportIndicator> indicators) {
	}

	@Transactional(readOnly = true)
	public Page<StoredReport> inbox(CallerContext caller, InboxFilter filter, PageRequest page) {
		caller.requireAny(TRIAGE);
		return reports.search(Visibility.of(caller).ownedBy("owner_org", "tlp"), filter, page);
	}

	/** The reports the caller's organisation submitted (through the API, the UI or bulk files). */
	@Transactional(readOnly = true)
	public Page<StoredReport> submitted(CallerContext caller, InboxFilter filter, PageRequest page) {
		caller.requireAny(ReportIntake.SUBMITTERS);
		return reports.search(new Visibility.SqlCondition("submitted_by_org = :submitter",
				Map.of("submitter", caller.organisationId().value())), filter, page);
	}

	@Transactional
	public ReportDetail detail(CallerContext caller, ReportId id) {
		StoredReport report = visible(caller, id);
		boolean owner = report.owner().equals(caller.organisationId());
		ReporterContact contact = null;
		if (owner || report.submittedByOrganisation() != null && report.submittedByOrganisation().equals(caller.organisationId())) {
			contact = reports.contact(id).orElse(null);
		}
		audit.record(AuditEvent.of(contact != null ? "report.viewed-with-contact" : "report.viewed", "report", id)
			.withDetail(relation(caller, report))
			.personal());
		PersonView assignee = report.assignee() == null ? null : people.find(new UserId(report.assignee())).orElse(null);
		List<PersonView> assignable = owner ? people.members(report.owner()).stream()
			.filter(p -> p.roles().stream().anyMatch(r -> List.of(TRIAGE).contains(r)))
			.toList() : List.of();
		return new ReportDetail(report, contact, owner, reports.events(id), reports.attachments(id), assignee, assignable,
				owner ? TRANSITIONS.getOrDefault(report.status(), Set.of()) : Set.of(), indicators.find(id));
	}

	@Transactional
	public void changeStatus(CallerContext caller, ReportId id, @Nullable String statusName, @Nullable String reason) {
		StoredReport report = owned(caller, id);
		ReportStatus next;
		try {
			next = ReportStatus.valueOf(statusName == null ? "" : statusName.strip().toUpperCase());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("status", "validation.status");
		}
		if (!TRANSITIONS.getOrDefault(report.status(), Set.of()).contains(next)) {
			throw new ConflictException("A report that is " + report.status() + " cannot become " + next + ".");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if ((next == ReportStatus.CLOSED || next == ReportStatus.REFERRED) && why == null) {
			throw new InvalidRequestException("reason", "validation.reasonRequired");
		}
		if (why != null && why.length() > 2_000) {
			throw new InvalidRequestException("reason", "validation.tooLong");
		}
		Instant now = clock.instant();
		reports.updateStatus(id, next, why, now);
		reports.addEvent(id, now, "STATUS_CHANGED", next.name(), why, caller.userId().value(), true);
		audit.record(AuditEvent.of("report.status-changed", "report", id).withDetail(report.status() + "->" + next));
	}

	@Transactional
	public void assign(CallerContext caller, ReportId id, @Nullable UUID assignee) {
		StoredReport report = owned(caller, id);
		if (assignee != null) {
			Optional<PersonView> person = people.find(new UserId(assignee));
			if (person.isEmpty() || !person.get().organisationId().equals(report.owner()) || !person.get().enabled()
					|| person.get().roles().stream().noneMatch(r -> List.of(TRIAGE).contains(r))) {
				throw new InvalidRequestException("assignee", "validation.assignee");
			}
		}
		Instant now = clock.instant();
		reports.updateAssignee(id, assignee, now);
		reports.addEvent(id, now, "ASSIGNED", null, assignee == null ? null : assignee.toString(), caller.userId().value(),
				false);
		audit.record(AuditEvent.of("report.assigned", "report", id).withDetail(String.valueOf(assignee)));
	}

	/** Opens an attachment for download by the owning unit (audited). */
	@Transactional
	public AttachmentDownload download(CallerContext caller, ReportId id, UUID attachmentId) {
		StoredReport report = owned(caller, id);
		AttachmentView attachment = reports.attachments(report.id())
			.stream()
			.filter(a -> a.id().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("attachment"));
		audit.record(AuditEvent.of("report.attachment-downloaded", "report", id).withDetail(attachmentId.toString()).personal());
		try {
			return new AttachmentDownload(attachment, Files.newInputStream(attachments.path(id, attachmentId)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An attachment's metadata and its content, to be streamed and closed by the caller. */
	public record AttachmentDownload(AttachmentView attachment, InputStream content) {
	}

	/**
	 * Why the caller may see the report, as the audit trail records it: {@code owner} (the owning unit),
	 * {@code submitter} (the organisation that submitted it), {@code grant} (an access grant after a hit), or
	 * {@code platform-admin} / {@code platform-auditor} (the platform operator's people, who see every report).
	 */
	static String relation(CallerContext caller, StoredReport report) {
		if (report.owner().equals(caller.organisationId())) {
			return "owner";
		}
		if (report.submittedByOrganisation() != null && report.submittedByOrganisation().equals(caller.organisationId())) {
			return "submitter";
		}
		if (Visibility.of(caller).isPlatformWide()) {
			return caller.actsPlatformWideAs(Role.AUDITOR) ? "platform-auditor" : "platform-admin";
		}
		return "grant";
	}

	private StoredReport visible(CallerContext caller, ReportId id) {
		return visibleTo(caller, id).orElseThrow(() -> new RecordNotFoundException("report"));
	}

	/** The report, if the caller may see it: its owner's triage roles, its submitter, a grant, or platform-wide. */
	Optional<StoredReport> visibleTo(CallerContext caller, ReportId id) {
		StoredReport report = reports.findById(id).orElse(null);
		if (report == null) {
			return Optional.empty();
		}
		boolean owner = report.owner().equals(caller.organisationId())
				&& List.of(TRIAGE).stream().anyMatch(caller::has);
		boolean submitter = report.submittedByOrganisation() != null
				&& report.submittedByOrganisation().equals(caller.organisationId());
		boolean platformWide = Visibility.of(caller).canSee(report.owner(), report.tlp()) && Visibility.of(caller).isPlatformWide();
		boolean granted = !owner && !submitter && report.tlp().mayLeaveOwner() && grants.granted(id, caller.organisationId());
		return owner || submitter || platformWide || granted ? Optional.of(report) : Optional.empty();
	}

	private StoredReport owned(CallerContext caller, ReportId id) {
		caller.requireAny(TRIAGE);
		StoredReport report = reports.findById(id).orElseThrow(() -> new RecordNotFoundException("report"));
		if (!report.owner().equals(caller.organisationId())) {
			throw new RecordNotFoundException("report");
		}
		return report;
	}
}
