package eu.eccp.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.Hashes;

/**
 * The hash of an audit entry: SHA-256 over every field of the entry and the previous entry's hash.
 * Fields are length-prefixed, so no two different entries encode alike.
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	/** Timestamps are hashed at the precision PostgreSQL stores them with. */
	static Instant storedPrecision(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	static String of(AuditEntry e) {
		StringBuilder canonical = new StringBuilder(256);
		field(canonical, Long.toString(e.seq()));
		field(canonical, storedPrecision(e.occurredAt()).toString());
		field(canonical, e.actorUserId() == null ? null : e.actorUserId().toString());
		field(canonical, e.actorUsername());
		field(canonical, e.actorOrganisationId() == null ? null : e.actorOrganisationId().toString());
		field(canonical, e.action());
		field(canonical, e.objectType());
		field(canonical, e.objectId());
		field(canonical, e.detail());
		field(canonical, Boolean.toString(e.personalData()));
		field(canonical, e.remoteAddress());
		field(canonical, e.previousHash());
		return Hashes.sha256Hex(canonical.toString());
	}

	private static void field(StringBuilder out, @Nullable String value) {
		if (value == null) {
			out.append("-;");
		}
		else {
			out.append(value.length()).append(':').append(value).append(';');
		}
	}

}
