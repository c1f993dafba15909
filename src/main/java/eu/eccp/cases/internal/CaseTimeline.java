package eu.eccp.cases.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/**
 * Everything that happened in a case, in order. Each line has a type (shown through the message bundles,
 * {@code case.event.<type>}), a short subject (an organisation's name, a file name, a task's title) and the
 * marking of what it is about, so that a TLP:RED note leaves no trace outside its author's organisation.
 */
@Component
public class CaseTimeline {

	/** A line of the timeline as shown. */
	public record Event(long id, String type, String subject, Tlp tlp, OrganisationId actorOrg, @Nullable UserId actor,
			Instant at) {
	}

	private final CaseEventRepository events;

	CaseTimeline(CaseEventRepository events) {
		this.events = events;
	}

	void record(CaseId caseId, String type, String subject, Tlp tlp, CallerContext by, Instant at) {
		events.insert(caseId, type, subject.length() > 300 ? subject.substring(0, 300) : subject, tlp, by.organisationId(),
				by.userId(), at);
	}

	/** A line written by the platform on an organisation's behalf (no person acted). */
	void recordBySystem(CaseId caseId, String type, String subject, Tlp tlp, OrganisationId actor, Instant at) {
		events.insert(caseId, type, subject, tlp, actor, null, at);
	}

	/** The lines the member may see: those about what they may see (a TLP:RED note only within its author's organisation). */
	List<Event> visibleTo(CaseAccess.Access access) {
		return events.ofCase(access.file().id(), access.entries("e"));
	}
}
