package eu.eccp.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/** Work to do in a case, for a person of a member unit, by a date. */
public record CaseTask(UUID id, CaseId caseId, String title, @Nullable UserId assignee, @Nullable LocalDate dueOn,
		Status status, Tlp tlp, OrganisationId authorOrg, UserId author, Instant createdAt, @Nullable Instant doneAt,
		@Nullable UserId doneBy) {

	@eu.eccp.shared.Labelled("cases.task")
	public enum Status {
		OPEN, DONE
	}

	public boolean isOverdue(LocalDate today) {
		return status == Status.OPEN && dueOn != null && dueOn.isBefore(today);
	}

	CaseTask complete(UserId by, Instant at) {
		if (status == Status.DONE) {
			throw new ConflictException("This task is already done.");
		}
		return new CaseTask(id, caseId, title, assignee, dueOn, Status.DONE, tlp, authorOrg, author, createdAt, at, by);
	}
}
