package eu.eccp.cases.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import eu.eccp.cases.CaseId;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/** A case: what it is about, its marking, who owns it, whether it is still open. */
public record CaseFile(CaseId id, String reference, String title, String summary, List<Offence> offences, Tlp tlp,
		Status status, OrganisationId owner, UserId openedBy, Instant openedAt, Instant updatedAt,
		@Nullable Instant closedAt) {

	@eu.eccp.shared.Labelled("cases.status")
	public enum Status {
		OPEN, CLOSED
	}

	public CaseFile {
		offences = List.copyOf(offences);
	}

	public boolean isOpen() {
		return status == Status.OPEN;
	}

	public boolean ownedBy(OrganisationId organisation) {
		return owner.equals(organisation);
	}

	/** Members add to an open case only. */
	void requireOpen() {
		if (!isOpen()) {
			throw new ConflictException("This case is closed.");
		}
	}

	/**
	 * Whether the unit may be invited: only national units, 24/7 points and EU bodies, never the owner
	 * itself, and never into a TLP:RED case (its content never leaves the owner).
	 */
	void requireShareableWith(OrganisationView unit) {
		requireOpen();
		if (tlp == Tlp.RED) {
			throw new ConflictException("A TLP:RED case stays with its owner and cannot be shared.");
		}
		if (unit.id().equals(owner)) {
			throw new InvalidRequestException("organisation", "validation.caseInviteSelf");
		}
		if (!unit.type().isPublicAuthority()) {
			throw new InvalidRequestException("organisation", "validation.caseInvitee");
		}
	}

	CaseFile closed(Instant at) {
		requireOpen();
		return new CaseFile(id, reference, title, summary, offences, tlp, Status.CLOSED, owner, openedBy, openedAt, at, at);
	}
}
