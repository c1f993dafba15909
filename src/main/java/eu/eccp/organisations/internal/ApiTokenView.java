package eu.eccp.organisations.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;

/** An API token as listed to admins: never the token itself. */
public record ApiTokenView(UUID id, String kind, String name, OrganisationId organisationId, String organisationName,
		@Nullable UUID userId, Set<Role> roles, Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt,
		@Nullable Instant lastUsedAt) {

	public boolean isActiveAt(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now);
	}
}
