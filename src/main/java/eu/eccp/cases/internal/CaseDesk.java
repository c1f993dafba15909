package eu.eccp.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.cases.CaseId;
import eu.eccp.cases.CaseOpened;
import eu.eccp.correlation.HitSummary;
import eu.eccp.correlation.Hits;
import eu.eccp.correlation.SourceRef;
import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportSummary;
import eu.eccp.reporting.Reports;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Visibility;

/**
 * Opens cases (from scratch, reports, hits or a cluster), lists them, shows one as its reader may see it,
 * absorbs more records into it and closes it.
 */
@Service
public class CaseDesk {

	private final CaseRepository cases;
	private final CaseAccess access;
	private final CaseTimeline timeline;
	private final CaseWork work;
	private final EvidenceLocker locker;
	private final Reports reports;
	private final Hits hits;
	private final Notifications notifications;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseDesk(CaseRepository cases, CaseAccess access, CaseTimeline timeline, CaseWork work, EvidenceLocker locker,
			Reports reports, Hits hits, Notifications notifications, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.cases = cases;
		this.access = access;
		this.timeline = timeline;
		this.work = work;
		this.locker = locker;
		this.reports = reports;
		this.hits = hits;
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public CaseFile open(CallerContext caller, OpenCase request) {
		caller.requireAny(CaseAccess.WORKERS);
		String title = request.title() == null ? "" : request.title().strip();
		String summary = request.summary() == null ? "" : request.summary().strip();
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (title.length() < 3 || title.length() > 200) {
			errors.put("title", title.isEmpty() ? "validation.required" : "validation.caseTitle");
		}
		if (summary.length() > CaseWork.MAX_TEXT) {
			errors.put("summary", "validation.tooLong");
		}
		List<Offence> offences = new ArrayList<>();
		for (String name : request.offences() == null ? List.<String>of() : request.offences()) {
			Offence offence = name == null ? null : Offence.parse(name);
			if (offence == null) {
				errors.put("offences", "validation.offence");
			}
			else if (!offences.contains(offence)) {
				offences.add(offence);
			}
		}
		Tlp tlp = parseTlp(request.tlp(), errors);
		List<CaseLink> links = new ArrayList<>();
		Instant now = clock.instant();
		resolveSources(caller, request, now, links, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		CaseFile file = new CaseFile(CaseId.random(), cases.nextReference(now), title, summary, offences, tlp,
				CaseFile.Status.OPEN, caller.organisationId(), caller.userId(), now, now, null);
		cases.insert(file);
		cases.insertMember(new Membership(file.id(), caller.organisationId(), Membership.Status.OWNER, caller.userId(), now,
				null, null, null));
		for (CaseLink link : links) {
			cases.link(file.id(), link);
		}
		timeline.record(file.id(), "case.opened", file.reference(), tlp, caller, now);
		for (CaseLink link : links) {
			timeline.record(file.id(), "record.linked", link.kind() + " " + link.label(), tlp, caller, now);
		}
		audit.record(AuditEvent.of("case.opened", "case", file.id().value()).withDetail("links=" + links.size()));
		events.publishEvent(new CaseOpened(file.id(), file.owner()));
		events.publishEvent(new CaseEntryAdded(file.id(), CaseEntryAdded.SUMMARY, file.id().value()));
		return file;
	}

	/** Adds records the caller may see to an open case: reports, hits of theirs, a cluster. */
	@Transactional
	public List<CaseLink> absorb(CallerContext caller, CaseId caseId, OpenCase sources) {
		CaseAccess.Access member = access.contributor(caller, caseId);
		List<CaseLink> links = new ArrayList<>();
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		Instant now = clock.instant();
		resolveSources(caller, sources, now, links, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		List<CaseLink> added = links.stream().filter(link -> cases.link(caseId, link)).toList();
		for (CaseLink link : added) {
			timeline.record(caseId, "record.linked", link.kind() + " " + link.label(), member.file().tlp(), caller, now);
		}
		if (!added.isEmpty()) {
			cases.touch(caseId, now);
			audit.record(AuditEvent.of("case.records-linked", "case", caseId.value()).withDetail("links=" + added.size()));
		}
		return added;
	}

	/** Adds a report the caller may see, given by its reference, and/or a cluster to an open case. */
	@Transactional
	public List<CaseLink> absorb(CallerContext caller, CaseId caseId, @Nullable String reportReference,
			@Nullable Long cluster) {
		List<UUID> reportIds = new ArrayList<>();
		if (reportReference != null && !reportReference.isBlank()) {
			reportIds.add(reports.summaryFor(caller, reportReference)
				.orElseThrow(() -> new InvalidRequestException("reference", "validation.caseSource"))
				.id()
				.value());
		}
		if (reportIds.isEmpty() && cluster == null) {
			throw new InvalidRequestException("reference", "validation.required");
		}
		return absorb(caller, caseId, new OpenCase(null, null, null, null, reportIds, null, cluster));
	}

	/** The cases of the caller's organisation (owned, joined, invited to); platform-wide readers see all. */
	@Transactional(readOnly = true)
	public Page<CaseFile> list(CallerContext caller, @Nullable String status, @Nullable String text, PageRequest page) {
		String state = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
		if (state != null && !Set.of("OPEN", "CLOSED").contains(state)) {
			throw new InvalidRequestException("status", "validation.filter");
		}
		if (!CaseAccess.isWorker(caller) && Visibility.of(caller).isPlatformWide()) {
			return cases.allCases(caller.organisationId(), state, page);
		}
		caller.requireAny(CaseAccess.WORKERS);
		return cases.casesOf(caller.organisationId(), state, text, page);
	}

	/** Pending invitations to the caller's organisation, with the cases they are for. */
	@Transactional(readOnly = true)
	public List<CaseFile> invitations(CallerContext caller) {
		if (!CaseAccess.isWorker(caller)) {
			return List.of();
		}
		return cases.invitationsTo(caller.organisationId()).stream()
			.map(m -> cases.find(m.caseId()))
			.flatMap(Optional::stream)
			.toList();
	}

	/** The caller's membership of a case, if any (a unit with a pending invitation sees only the invitation). */
	@Transactional(readOnly = true)
	public Optional<Membership> membership(CallerContext caller, CaseId id) {
		return cases.membership(id, caller.organisationId());
	}

	/** A case with everything the caller may see of it; audited. */
	@Transactional
	public CaseDetail detail(CallerContext caller, CaseId id) {
		CaseAccess.Access reader = access.reader(caller, id);
		List<Evidence> evidence = locker.visible(reader);
		audit.record(AuditEvent.of("case.viewed", "case", id.value()));
		boolean contribute = reader.isMember() && reader.file().isOpen() && CaseAccess.isWorker(caller);
		return new CaseDetail(reader.file(), reader.membership() == null ? null : reader.membership().status(),
				cases.members(id), cases.links(id), work.tasks(reader),
				work.entries(reader, CaseEntry.Kind.NOTE, evidence), work.entries(reader, CaseEntry.Kind.MESSAGE, evidence),
				evidence, timeline.visibleTo(reader), contribute, reader.isOwner());
	}

	/** Only the timeline of a case, as {@link #detail} would show it; audited as a view. */
	@Transactional
	public List<CaseTimeline.Event> timeline(CallerContext caller, CaseId id) {
		CaseAccess.Access reader = access.reader(caller, id);
		audit.record(AuditEvent.of("case.viewed", "case", id.value()));
		return timeline.visibleTo(reader);
	}

	/** Only the message thread, with attachments; audited as a view. */
	@Transactional
	public List<CaseEntry> messages(CallerContext caller, CaseId id) {
		CaseAccess.Access reader = access.reader(caller, id);
		audit.record(AuditEvent.of("case.viewed", "case", id.value()));
		return work.entries(reader, CaseEntry.Kind.MESSAGE, locker.visible(reader));
	}

	/** Only the evidence (files and message attachments); audited as a view. */
	@Transactional
	public List<Evidence> evidence(CallerContext caller, CaseId id) {
		CaseAccess.Access reader = access.reader(caller, id);
		audit.record(AuditEvent.of("case.viewed", "case", id.value()));
		return locker.visible(reader);
	}

	/** The invitation a unit was sent: enough to decide (title, owner, marking, note), nothing of the content. */
	@Transactional(readOnly = true)
	public Optional<CaseFile> invitation(CallerContext caller, CaseId id) {
		return cases.membership(id, caller.organisationId()).filter(Membership::isPendingInvitation)
			.filter(m -> CaseAccess.isWorker(caller))
			.flatMap(m -> cases.find(id));
	}

	@Transactional
	public CaseFile close(CallerContext caller, CaseId id) {
		cases.lock(id);
		CaseAccess.Access owner = access.owner(caller, id);
		CaseFile closed = owner.file().closed(clock.instant());
		cases.close(closed);
		timeline.record(id, "case.closed", closed.reference(), closed.tlp(), caller, closed.closedAt());
		audit.record(AuditEvent.of("case.closed", "case", id.value()));
		for (Membership m : cases.members(id)) {
			if (m.status() == Membership.Status.ACCEPTED) {
				notifications.send(Notice.of(m.organisation(), "case.closed", "/cases/" + id, closed.reference()).with("caseId", id));
			}
		}
		return closed;
	}

	private void resolveSources(CallerContext caller, OpenCase request, Instant now, List<CaseLink> links,
			java.util.Map<String, String> errors) {
		Set<String> seen = new LinkedHashSet<>();
		for (UUID reportId : request.reports() == null ? List.<UUID>of() : request.reports()) {
			if (reportId == null) {
				errors.put("reports", "validation.caseSource");
				continue;
			}
			Optional<ReportSummary> report = reports.summaryFor(caller, new ReportId(reportId));
			if (report.isEmpty()) {
				errors.put("reports", "validation.caseSource");
				continue;
			}
			addLink(links, seen, new CaseLink("REPORT", reportId.toString(), report.get().reference(), caller.organisationId(),
					caller.userId(), now));
		}
		for (UUID hitId : request.hits() == null ? List.<UUID>of() : request.hits()) {
			if (hitId == null) {
				errors.put("hits", "validation.caseSource");
				continue;
			}
			Optional<HitSummary> hit = hits.find(caller, hitId);
			if (hit.isEmpty()) {
				errors.put("hits", "validation.caseSource");
				continue;
			}
			HitSummary h = hit.get();
			addLink(links, seen, new CaseLink("HIT", hitId.toString(), h.indicatorType() + " · " + String.join(", ", h.countries()),
					caller.organisationId(), caller.userId(), now));
			addLink(links, seen, new CaseLink("INDICATOR", h.indicatorType() + ":" + h.indicatorValue(), h.indicatorType(),
					caller.organisationId(), caller.userId(), now));
			addRecord(caller, h.record(), now, links, seen);
		}
		if (request.cluster() != null) {
			List<SourceRef> records = hits.visibleRecords(caller, request.cluster());
			if (records.isEmpty()) {
				errors.put("cluster", "validation.caseSource");
			}
			else {
				addLink(links, seen, new CaseLink("CLUSTER", request.cluster().toString(), "#" + request.cluster(),
						caller.organisationId(), caller.userId(), now));
				for (SourceRef record : records) {
					addRecord(caller, record, now, links, seen);
				}
			}
		}
	}

	private void addRecord(CallerContext caller, SourceRef record, Instant now, List<CaseLink> links, Set<String> seen) {
		if (record.kind().equals(SourceRef.REPORT)) {
			reports.summaryFor(caller, new ReportId(record.id())).ifPresent(report -> addLink(links, seen,
					new CaseLink("REPORT", record.id().toString(), report.reference(), caller.organisationId(), caller.userId(), now)));
		}
	}

	private static void addLink(List<CaseLink> links, Set<String> seen, CaseLink link) {
		if (seen.add(link.kind() + "|" + link.ref())) {
			links.add(link);
		}
	}

	/** Fails unless the caller holds a role that works cases (for pages that lead to opening one). */
	public static void requireCaseWorker(CallerContext caller) {
		caller.requireAny(CaseAccess.WORKERS);
	}

	/** A marking as given in a form or the API; none means TLP:AMBER, the platform's default for case work. */
	public static Tlp marking(@Nullable String text) {
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		Tlp tlp = parseTlp(text, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return tlp;
	}

	static Tlp parseTlp(@Nullable String text, java.util.Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return Tlp.AMBER;
		}
		try {
			return Tlp.parse(text);
		}
		catch (IllegalArgumentException e) {
			errors.put("tlp", "validation.tlp");
			return Tlp.AMBER;
		}
	}
}
