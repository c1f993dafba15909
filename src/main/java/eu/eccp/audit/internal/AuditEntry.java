package eu.eccp.audit.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One stored entry of the audit trail, as shown to auditors. */
public record AuditEntry(long seq, Instant occurredAt, @Nullable UUID actorUserId, String actorUsername,
		@Nullable UUID actorOrganisationId, String action, String objectType, @Nullable String objectId,
		@Nullable String detail, boolean personalData, @Nullable String remoteAddress, String previousHash,
		String hash) {

	/** The same entry with its hash (computed over everything else). */
	AuditEntry withHash(String newHash) {
		return new AuditEntry(seq, occurredAt, actorUserId, actorUsername, actorOrganisationId, action, objectType,
				objectId, detail, personalData, remoteAddress, previousHash, newHash);
	}
}
