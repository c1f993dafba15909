package eu.eccp.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.cases.CaseId;
import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;
import eu.eccp.shared.Upload;

/**
 * The members' work on a case: notes on the timeline, tasks with assignee and due date, and the case's
 * message thread with attachments. Each carries a TLP marking; TLP:RED ones stay with their author's
 * organisation (and tell no other organisation anything, not even on the timeline).
 */
@Service
public class CaseWork {

	static final int MAX_TEXT = 20_000;
	static final int MAX_ATTACHMENTS = 10;

	private final CaseWorkRepository work;
	private final CaseAccess access;
	private final CaseRepository cases;
	private final CaseTimeline timeline;
	private final EvidenceLocker locker;
	private final People people;
	private final Notifications notifications;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseWork(CaseWorkRepository work, CaseAccess access, CaseRepository cases, CaseTimeline timeline, EvidenceLocker locker,
			People people, Notifications notifications, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.work = work;
		this.access = access;
		this.cases = cases;
		this.timeline = timeline;
		this.locker = locker;
		this.people = people;
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public CaseEntry addNote(CallerContext caller, CaseId caseId, @Nullable String body, Tlp tlp) {
		CaseAccess.Access member = access.contributor(caller, caseId);
		CaseEntry note = insertEntry(member, CaseEntry.Kind.NOTE, text(body, "body"), tlp);
		timeline.record(caseId, "note.added", "", tlp, caller, note.createdAt());
		audit.record(AuditEvent.of("case.note-added", "case", caseId.value()).withDetail("tlp=" + tlp.name()));
		return note;
	}

	@Transactional
	public CaseEntry postMessage(CallerContext caller, CaseId caseId, @Nullable String body, Tlp tlp, List<Upload> files) {
		CaseAccess.Access member = access.contributor(caller, caseId);
		if (files.size() > MAX_ATTACHMENTS) {
			throw new InvalidRequestException("files", "validation.tooManyFiles");
		}
		CaseEntry message = insertEntry(member, CaseEntry.Kind.MESSAGE, text(body, "body"), tlp);
		List<Evidence> attachments = new ArrayList<>();
		for (Upload file : files) {
			attachments.add(locker.store(member, file, null, tlp, message.id()));
		}
		timeline.record(caseId, "message.posted", "", tlp, caller, message.createdAt());
		audit.record(AuditEvent.of("case.message-posted", "case", caseId.value())
			.withDetail("tlp=" + tlp.name() + " attachments=" + attachments.size()));
		if (tlp.mayLeaveOwner()) {
			for (Membership m : cases.members(caseId)) {
				if (m.isMember() && !m.organisation().equals(caller.organisationId())) {
					notifications.send(Notice.of(m.organisation(), "case.message", "/cases/" + caseId + "#messages",
							member.file().reference())
						.with("caseId", caseId));
				}
			}
		}
		return new CaseEntry(message.id(), caseId, message.kind(), message.body(), tlp, message.authorOrg(), message.author(),
				message.createdAt(), attachments);
	}

	@Transactional
	public CaseTask addTask(CallerContext caller, CaseId caseId, @Nullable String title, @Nullable UUID assignee,
			@Nullable LocalDate dueOn, Tlp tlp) {
		CaseAccess.Access member = access.contributor(caller, caseId);
		String what = title == null ? "" : title.strip();
		if (what.isEmpty() || what.length() > 300) {
			throw new InvalidRequestException("title", what.isEmpty() ? "validation.required" : "validation.tooLong");
		}
		PersonView person = null;
		if (assignee != null) {
			person = people.find(new UserId(assignee)).filter(PersonView::enabled)
				.filter(p -> cases.membership(caseId, p.organisationId()).map(Membership::isMember).orElse(false))
				.filter(p -> tlp.mayLeaveOwner() || p.organisationId().equals(caller.organisationId()))
				.orElseThrow(() -> new InvalidRequestException("assignee", "validation.caseAssignee"));
		}
		Instant now = clock.instant();
		if (dueOn != null && dueOn.isBefore(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusYears(1))) {
			throw new InvalidRequestException("dueOn", "validation.date");
		}
		CaseTask task = new CaseTask(UUID.randomUUID(), caseId, what, person == null ? null : person.id(), dueOn,
				CaseTask.Status.OPEN, tlp, caller.organisationId(), caller.userId(), now, null, null);
		work.insertTask(task);
		timeline.record(caseId, "task.added", what, tlp, caller, now);
		cases.touch(caseId, now);
		audit.record(AuditEvent.of("case.task-added", "case", caseId.value()).withDetail("task=" + task.id()));
		if (person != null && !person.id().equals(caller.userId())) {
			notifications.send(Notice.of(person.organisationId(), "case.task_assigned", "/cases/" + caseId + "#tasks",
					member.file().reference())
				.forPerson(person.id())
				.with("caseId", caseId)
				.with("taskId", task.id()));
		}
		return task;
	}

	@Transactional
	public CaseTask completeTask(CallerContext caller, CaseId caseId, UUID taskId) {
		cases.lock(caseId);
		CaseAccess.Access member = access.contributor(caller, caseId);
		CaseTask task = tasks(member).stream().filter(t -> t.id().equals(taskId)).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("task"));
		CaseTask done = task.complete(caller.userId(), clock.instant());
		work.completeTask(taskId, caller.userId(), done.doneAt());
		timeline.record(caseId, "task.done", task.title(), task.tlp(), caller, done.doneAt());
		cases.touch(caseId, done.doneAt());
		return done;
	}

	List<CaseTask> tasks(CaseAccess.Access reader) {
		return work.tasks(reader.file().id(), reader.entries("t"));
	}

	/** Notes or messages the caller may see, oldest first, messages with their attachments. */
	List<CaseEntry> entries(CaseAccess.Access reader, CaseEntry.Kind kind, List<Evidence> visibleEvidence) {
		Map<UUID, List<Evidence>> byEntry = new LinkedHashMap<>();
		for (Evidence evidence : visibleEvidence) {
			if (evidence.entryId() != null) {
				byEntry.computeIfAbsent(evidence.entryId(), k -> new ArrayList<>()).add(evidence);
			}
		}
		return work.entries(reader.file().id(), kind, reader.entries("e"), byEntry);
	}

	/** Reads an entry for the platform's own processing (indicator extraction). */
	java.util.Optional<CaseEntry> forProcessing(UUID entryId) {
		return work.entryForProcessing(entryId);
	}

	private CaseEntry insertEntry(CaseAccess.Access member, CaseEntry.Kind kind, String body, Tlp tlp) {
		CallerContext caller = member.caller();
		Instant now = clock.instant();
		CaseEntry entry = new CaseEntry(UUID.randomUUID(), member.file().id(), kind, body, tlp, caller.organisationId(),
				caller.userId(), now, List.of());
		work.insertEntry(entry);
		cases.touch(entry.caseId(), now);
		events.publishEvent(new CaseEntryAdded(entry.caseId(), CaseEntryAdded.ENTRY, entry.id()));
		return entry;
	}

	static String text(@Nullable String body, String field) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new InvalidRequestException(field, "validation.required");
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidRequestException(field, "validation.tooLong");
		}
		return text;
	}
}
