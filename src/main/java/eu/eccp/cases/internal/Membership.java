package eu.eccp.cases.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * An organisation's place in a case: the owner, an invited unit, a member that accepted, or one that
 * declined (and may be invited again).
 */
public record Membership(CaseId caseId, OrganisationId organisation, Status status, @Nullable UserId invitedBy,
		Instant invitedAt, @Nullable String invitationNote, @Nullable UserId respondedBy, @Nullable Instant respondedAt) {

	@eu.eccp.shared.Labelled("cases.member")
	public enum Status {
		OWNER, INVITED, ACCEPTED, DECLINED
	}

	/** Owners and units that accepted see the case and add to it. */
	public boolean isMember() {
		return status == Status.OWNER || status == Status.ACCEPTED;
	}

	public boolean isPendingInvitation() {
		return status == Status.INVITED;
	}

	Membership accept(UserId by, Instant at) {
		requireInvited();
		return new Membership(caseId, organisation, Status.ACCEPTED, invitedBy, invitedAt, invitationNote, by, at);
	}

	Membership decline(UserId by, Instant at) {
		requireInvited();
		return new Membership(caseId, organisation, Status.DECLINED, invitedBy, invitedAt, invitationNote, by, at);
	}

	/** A unit that declined may be invited again; members and pending invitations may not. */
	Membership reinvite(UserId by, Instant at, @Nullable String note) {
		if (status != Status.DECLINED) {
			throw new ConflictException(status == Status.INVITED ? "This unit has already been invited."
					: "This unit is already a member of the case.");
		}
		return new Membership(caseId, organisation, Status.INVITED, by, at, note, null, null);
	}

	private void requireInvited() {
		if (status != Status.INVITED) {
			throw new ConflictException("There is no pending invitation to answer (it is " + status.name().toLowerCase()
					+ ").");
		}
	}
}
