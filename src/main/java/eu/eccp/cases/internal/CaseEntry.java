package eu.eccp.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/** A note on the case's timeline or a message of its thread (with its attachments, which are evidence). */
public record CaseEntry(UUID id, CaseId caseId, Kind kind, String body, Tlp tlp, OrganisationId authorOrg, UserId author,
		Instant createdAt, List<Evidence> attachments) {

	@eu.eccp.shared.Labelled("cases.entry")
	public enum Kind {
		NOTE, MESSAGE
	}

	public CaseEntry {
		attachments = List.copyOf(attachments);
	}
}
