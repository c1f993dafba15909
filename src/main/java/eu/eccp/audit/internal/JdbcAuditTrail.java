package eu.eccp.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEntry;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;

/**
 * Appends entries to the hash chain. The chain head's row lock serialises appends, so sequence numbers
 * are gapless and each entry links to exactly the one before it.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditTrail.class);

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcAuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void record(AuditEvent event) {
		record(CallerContext.current().map(AuditActor::of).orElse(AuditActor.SYSTEM), event);
	}

	@Override
	@Transactional
	public void record(AuditActor actor, AuditEvent event) {
		Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		Instant now = ChainHash.storedPrecision(clock.instant());
		AuditEntry unhashed = new AuditEntry(head.seq() + 1, now,
				actor.userId() == null ? null : actor.userId().value(), actor.username(),
				actor.organisationId() == null ? null : actor.organisationId().value(), event.action(),
				event.objectType(), event.objectId(), event.detail(), event.personalData(), remoteAddress(),
				head.hash(), "");
		String hash = ChainHash.of(unhashed);
		jdbc.sql("""
				INSERT INTO audit_entry (seq, occurred_at, actor_user_id, actor_username, actor_org_id, action,
				  object_type, object_id, detail, personal_data, remote_address, prev_hash, hash)
				VALUES (:seq, :at, :userId, :username, :orgId, :action, :objectType, :objectId, :detail,
				  :personal, :remote, :prev, :hash)""")
			.param("seq", unhashed.seq())
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("userId", unhashed.actorUserId())
			.param("username", unhashed.actorUsername())
			.param("orgId", unhashed.actorOrganisationId())
			.param("action", unhashed.action())
			.param("objectType", unhashed.objectType())
			.param("objectId", unhashed.objectId())
			.param("detail", unhashed.detail())
			.param("personal", unhashed.personalData())
			.param("remote", unhashed.remoteAddress())
			.param("prev", unhashed.previousHash())
			.param("hash", hash)
			.update();
		jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", unhashed.seq())
			.param("hash", hash)
			.update();
		log.debug("audit entry {} {}", unhashed.seq(), event.action());
	}

	private static @Nullable String remoteAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return servlet.getRequest().getRemoteAddr();
		}
		return null;
	}

	private record Head(long seq, String hash) {
	}
}
