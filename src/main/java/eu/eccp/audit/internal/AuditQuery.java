package eu.eccp.audit.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Filters for reading the audit trail; every field is optional. */
public record AuditQuery(@Nullable String actor, @Nullable UUID organisationId, @Nullable String action,
		@Nullable String objectType, @Nullable String objectId, @Nullable Instant from, @Nullable Instant to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null, null);
	}
}
