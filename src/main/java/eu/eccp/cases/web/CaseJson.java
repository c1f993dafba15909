package eu.eccp.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import eu.eccp.cases.internal.CaseDetail;
import eu.eccp.cases.internal.CaseEntry;
import eu.eccp.cases.internal.CaseFile;
import eu.eccp.cases.internal.CaseLink;
import eu.eccp.cases.internal.CaseTask;
import eu.eccp.cases.internal.CaseTimeline;
import eu.eccp.cases.internal.EvidenceLocker;
import eu.eccp.cases.internal.Evidence;
import eu.eccp.cases.internal.Membership;
import eu.eccp.reporting.Offence;

/** The API's representations of cases: flat, with names resolved, never internal ids of other modules' tables. */
final class CaseJson {

	private CaseJson() {
	}

	record CaseSummary(UUID id, String reference, String title, @Schema(description = "TLP 2.0 marking", allowableValues = { "TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR" }) String tlp,
			@Schema(implementation = CaseFile.Status.class) String status, UUID ownerId, String owner,
			@ArraySchema(schema = @Schema(implementation = Offence.class)) List<String> offences, Instant openedAt,
			Instant updatedAt, @Nullable Instant closedAt) {
	}

	record Member(UUID organisationId, String organisation, @Schema(implementation = Membership.Status.class) String status,
			Instant invitedAt, @Nullable Instant respondedAt) {
	}

	record Link(String kind, String ref, String label, String path, Instant addedAt) {
	}

	record Task(UUID id, String title, @Nullable UUID assigneeId, @Nullable String assignee, @Nullable LocalDate dueOn,
			@Schema(implementation = CaseTask.Status.class) String status, @Schema(description = "TLP 2.0 marking", allowableValues = { "TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR" }) String tlp, String author,
			Instant createdAt, @Nullable Instant doneAt) {
	}

	record EvidenceItem(UUID id, String fileName, String contentType, long size, String sha256, @Nullable String description,
			@Schema(description = "TLP 2.0 marking", allowableValues = { "TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR" }) String tlp, String addedBy, Instant addedAt, @Nullable UUID messageId) {
	}

	record Entry(UUID id, @Schema(implementation = CaseEntry.Kind.class) String kind, String text, @Schema(description = "TLP 2.0 marking", allowableValues = { "TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR" }) String tlp,
			String author, Instant createdAt,
			List<EvidenceItem> attachments) {
	}

	record Event(String type, String subject, @Schema(description = "TLP 2.0 marking", allowableValues = { "TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR" }) String tlp, String by, Instant at) {
	}

	record Custody(String action, @Nullable String reason, String by, Instant at) {
	}

	record Detail(CaseSummary caseFile, String summary, @Nullable String membership, boolean canContribute, boolean owner,
			List<Member> members, List<Link> links, List<Task> tasks, List<Entry> notes, List<Entry> messages,
			List<EvidenceItem> evidence, List<Event> timeline) {
	}

	/** What an invited unit sees before it answers. */
	record Invitation(CaseSummary caseFile, String membership, @Nullable String note, Instant invitedAt) {
	}

	static CaseSummary summary(CaseFile c, Names.Lookup names) {
		return new CaseSummary(c.id().value(), c.reference(), c.title(), c.tlp().label(), c.status().name(),
				c.owner().value(), names.org(c.owner()), c.offences().stream().map(Enum::name).toList(), c.openedAt(),
				c.updatedAt(), c.closedAt());
	}

	static Detail detail(CaseDetail d, Names.Lookup names) {
		return new Detail(summary(d.file(), names), d.file().summary(),
				d.callerStatus() == null ? null : d.callerStatus().name(), d.canContribute(), d.isOwner(),
				d.members().stream().map(m -> member(m, names)).toList(), d.links().stream().map(CaseJson::link).toList(),
				d.tasks().stream().map(t -> task(t, names)).toList(), d.notes().stream().map(e -> entry(e, names)).toList(),
				d.messages().stream().map(e -> entry(e, names)).toList(),
				d.evidence().stream().map(e -> evidence(e, names)).toList(),
				d.timeline().stream().map(e -> event(e, names)).toList());
	}

	static Event event(CaseTimeline.Event e, Names.Lookup names) {
		return new Event(e.type(), e.subject(), e.tlp().label(), names.org(e.actorOrg()), e.at());
	}

	static Member member(Membership m, Names.Lookup names) {
		return new Member(m.organisation().value(), names.org(m.organisation()), m.status().name(), m.invitedAt(),
				m.respondedAt());
	}

	static Link link(CaseLink l) {
		return new Link(l.kind(), l.ref(), l.label(), l.path(), l.addedAt());
	}

	static Task task(CaseTask t, Names.Lookup names) {
		return new Task(t.id(), t.title(), t.assignee() == null ? null : t.assignee().value(),
				t.assignee() == null ? null : names.person(t.assignee()), t.dueOn(), t.status().name(), t.tlp().label(),
				names.person(t.author()) + " (" + names.org(t.authorOrg()) + ")", t.createdAt(), t.doneAt());
	}

	static Entry entry(CaseEntry e, Names.Lookup names) {
		return new Entry(e.id(), e.kind().name(), e.body(), e.tlp().label(),
				names.person(e.author()) + " (" + names.org(e.authorOrg()) + ")", e.createdAt(),
				e.attachments().stream().map(a -> evidence(a, names)).toList());
	}

	static EvidenceItem evidence(Evidence e, Names.Lookup names) {
		return new EvidenceItem(e.id(), e.fileName(), e.contentType(), e.size(), e.sha256(), e.description(), e.tlp().label(),
				names.person(e.author()) + " (" + names.org(e.authorOrg()) + ")", e.addedAt(), e.entryId());
	}

	static Custody custody(EvidenceLocker.CustodyEvent c, Names.Lookup names) {
		return new Custody(c.action(), c.reason(), names.person(c.actor()) + " (" + names.org(c.actorOrg()) + ")", c.at());
	}
}
