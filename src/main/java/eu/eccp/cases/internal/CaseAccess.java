package eu.eccp.cases.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.Visibility;

/**
 * The one rule for who may see and work a case. Members (the owner and units that accepted an invitation)
 * see it and add to it; a unit with a pending invitation sees only what it needs to answer; the platform
 * operator's admins and auditors may read cases that are not TLP:RED. Everyone else is told the case does
 * not exist. Within a case, TLP:RED entries are visible only to their author's organisation.
 */
@Component
class CaseAccess {

	/** The roles that work cases. */
	static final Role[] WORKERS = { Role.ANALYST, Role.COORDINATOR, Role.HOTLINE_ANALYST, Role.CONTACT_POINT_OFFICER };

	private final CaseRepository cases;

	CaseAccess(CaseRepository cases) {
		this.cases = cases;
	}

	/** What the caller may do with one case. */
	record Access(CallerContext caller, CaseFile file, @Nullable Membership membership) {

		boolean isMember() {
			return membership != null && membership.isMember();
		}

		boolean isOwner() {
			return file.ownedBy(caller.organisationId()) && isMember();
		}

		boolean isInvited() {
			return membership != null && membership.isPendingInvitation();
		}

		/** Entries the caller may see: all but other organisations' TLP:RED ones (alias-free columns). */
		Visibility.SqlCondition entries(String alias) {
			return new Visibility.SqlCondition("(" + alias + ".tlp <> 'RED' OR " + alias + ".author_org = :entry_org)",
					Map.of("entry_org", caller.organisationId().value()));
		}
	}

	/** Reads a case as a member, or as the platform operator's admin or auditor (read-only). */
	Access reader(CallerContext caller, CaseId id) {
		Access access = load(caller, id);
		if (access.isMember() && isWorker(caller)) {
			return access;
		}
		Visibility visibility = Visibility.of(caller);
		if (visibility.isPlatformWide() && visibility.canSee(access.file().owner(), access.file().tlp())) {
			return access;
		}
		throw new RecordNotFoundException("case");
	}

	/** A member adding to an open case. */
	Access contributor(CallerContext caller, CaseId id) {
		Access access = load(caller, id);
		if (!access.isMember() || !isWorker(caller)) {
			throw new RecordNotFoundException("case");
		}
		access.file().requireOpen();
		return access;
	}

	/** The owning unit (invitations, closing, absorbing records). */
	Access owner(CallerContext caller, CaseId id) {
		Access access = contributor(caller, id);
		if (!access.file().ownedBy(caller.organisationId())) {
			throw new AccessDeniedException("only the owning unit may do this");
		}
		return access;
	}

	/** A unit answering its invitation. */
	Access invitee(CallerContext caller, CaseId id) {
		Access access = load(caller, id);
		if (access.membership() == null || !isWorker(caller)) {
			throw new RecordNotFoundException("case");
		}
		if (!access.isInvited()) {
			throw new ConflictException("There is no pending invitation to answer.");
		}
		return access;
	}

	private Access load(CallerContext caller, CaseId id) {
		CaseFile file = cases.find(id).orElseThrow(() -> new RecordNotFoundException("case"));
		return new Access(caller, file, cases.membership(id, caller.organisationId()).orElse(null));
	}

	static boolean isWorker(CallerContext caller) {
		for (Role role : WORKERS) {
			if (caller.has(role)) {
				return true;
			}
		}
		return false;
	}
}
