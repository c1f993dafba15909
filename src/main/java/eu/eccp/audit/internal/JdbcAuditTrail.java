package eu.eccp.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditRecord;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.SqlTimes;

/**
 * Records entries in the action's own transaction (as pending entries, which takes no lock, so audited work
 * runs in parallel) and has {@link AuditChainer} link them into the hash chain right after it commits: a
 * rolled-back action leaves no entry, and the chain's sequence numbers stay gapless.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private final NamedParameterJdbcTemplate named;
	private final Clock clock;
	private final AuditChainer chainer;

	JdbcAuditTrail(NamedParameterJdbcTemplate named, Clock clock, AuditChainer chainer) {
		this.named = named;
		this.clock = clock;
		this.chainer = chainer;
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
		String remote = remoteAddress();
		recordAll(events.stream().map(event -> new AuditRecord(actor, event, remote)).toList());
	}

	@Override
	@Transactional
	public void recordAll(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		Instant now = ChainHash.storedPrecision(clock.instant());
		MapSqlParameterSource[] rows = new MapSqlParameterSource[records.size()];
		for (int i = 0; i < records.size(); i++) {
			AuditActor actor = records.get(i).actor();
			AuditEvent event = records.get(i).event();
			rows[i] = new MapSqlParameterSource().addValue("at", SqlTimes.at(now))
				.addValue("userId", actor.userId() == null ? null : actor.userId().value())
				.addValue("username", actor.username())
				.addValue("orgId", actor.organisationId() == null ? null : actor.organisationId().value())
				.addValue("action", event.action())
				.addValue("objectType", event.objectType())
				.addValue("objectId", event.objectId())
				.addValue("detail", event.detail())
				.addValue("personal", event.personalData())
				.addValue("remote", records.get(i).remoteAddress());
		}
		named.batchUpdate("""
				INSERT INTO audit_pending (occurred_at, actor_user_id, actor_username, actor_org_id, action,
				  object_type, object_id, detail, personal_data, remote_address)
				VALUES (:at, :userId, :username, :orgId, :action, :objectType, :objectId, :detail, :personal, :remote)""",
				rows);
		chainer.chainAfterCommit();
	}

	private static @Nullable String remoteAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return servlet.getRequest().getRemoteAddr();
		}
		return null;
	}

}
