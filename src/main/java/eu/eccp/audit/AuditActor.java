package eu.eccp.audit;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/** Who did it: a known account, or only a name (a failed login for an unknown user, the system itself). */
public record AuditActor(@Nullable UserId userId, String username, @Nullable OrganisationId organisationId) {

	public static final AuditActor SYSTEM = new AuditActor(null, "system", null);

	public static AuditActor of(CallerContext caller) {
		return new AuditActor(caller.userId(), caller.username(), caller.organisationId());
	}

	public static AuditActor anonymous(String claimedName) {
		return new AuditActor(null, claimedName, null);
	}
}
