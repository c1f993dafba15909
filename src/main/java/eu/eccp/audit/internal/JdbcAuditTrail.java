package eu.eccp.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
import eu.eccp.shared.SqlTimes;

/**
 * Appends entries to the hash chain. The chain head's row lock serialises appends, so sequence numbers
 * are gapless and each entry links to exactly the one before it.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditTrail.class);

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;
	private final Clock clock;

	JdbcAuditTrail(JdbcClient jdbc, NamedParameterJdbcTemplate named, Clock clock) {
		this.jdbc = jdbc;
		this.named = named;
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
		recordAll(actor, List.of(event));
	}

	@Override
	@Transactional
	public void recordAll(AuditActor actor, List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		Instant now = ChainHash.storedPrecision(clock.instant());
		String remote = remoteAddress();
		long seq = head.seq();
		String previous = head.hash();
		MapSqlParameterSource[] rows = new MapSqlParameterSource[events.size()];
		for (int i = 0; i < events.size(); i++) {
			AuditEvent event = events.get(i);
			AuditEntry unhashed = new AuditEntry(++seq, now, actor.userId() == null ? null : actor.userId().value(),
					actor.username(), actor.organisationId() == null ? null : actor.organisationId().value(),
					event.action(), event.objectType(), event.objectId(), event.detail(), event.personalData(), remote,
					previous, "");
			String hash = ChainHash.of(unhashed);
			rows[i] = new MapSqlParameterSource().addValue("seq", unhashed.seq())
				.addValue("at", SqlTimes.at(now))
				.addValue("userId", unhashed.actorUserId())
				.addValue("username", unhashed.actorUsername())
				.addValue("orgId", unhashed.actorOrganisationId())
				.addValue("action", unhashed.action())
				.addValue("objectType", unhashed.objectType())
				.addValue("objectId", unhashed.objectId())
				.addValue("detail", unhashed.detail())
				.addValue("personal", unhashed.personalData())
				.addValue("remote", unhashed.remoteAddress())
				.addValue("prev", unhashed.previousHash())
				.addValue("hash", hash);
			previous = hash;
		}
		named.batchUpdate("""
				INSERT INTO audit_entry (seq, occurred_at, actor_user_id, actor_username, actor_org_id, action,
				  object_type, object_id, detail, personal_data, remote_address, prev_hash, hash)
				VALUES (:seq, :at, :userId, :username, :orgId, :action, :objectType, :objectId, :detail,
				  :personal, :remote, :prev, :hash)""", rows);
		jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
			.param("hash", previous)
			.update();
		log.debug("audit entries up to {}", seq);
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
