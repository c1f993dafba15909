package eu.eccp.organisations.internal;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import eu.eccp.organisations.OrganisationView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;

/**
 * A person's account as stored, with the organisation it belongs to. {@code securityVersion} changes whenever
 * the account's access changes, which ends the web sessions started before. {@code secondFactor}: whether the
 * person confirmed a second factor (TOTP) and must give a code after their password.
 */
public record UserRecord(UserId id, String username, String displayName, @Nullable String email,
		OrganisationView organisation, String passwordHash, boolean enabled, boolean demoAccount, int failedLogins,
		@Nullable Instant lockedUntil, @Nullable Instant lastLoginAt, Set<Role> roles, Instant createdAt,
		long securityVersion, boolean secondFactor) {

	public OrganisationId organisationId() {
		return organisation.id();
	}

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public CallerContext toCaller() {
		return new CallerContext(id, username, organisation.id(), organisation.country(), roles,
				organisation.type() == eu.eccp.organisations.OrganisationType.PLATFORM_OPERATOR);
	}
}
