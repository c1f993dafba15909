package eu.eccp.sharing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;

/**
 * Records every disclosure: which objects (the UUID part of their STIX ids) went to whom, when, under which agreement
 * and through which channel, in {@code sharing_disclosure}, with one audit entry naming it (personal data when values
 * of personal types left in clear).
 */
@Component
class Disclosures {

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	Disclosures(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	void record(CallerContext recipient, Agreement agreement, String channel, List<String> stixIds, boolean clearPersonal) {
		if (stixIds.isEmpty()) {
			return;
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO sharing_disclosure (id, agreement_id, recipient_org, recipient_user, channel, disclosed_at,
				  object_count, clear_personal, object_ids)
				VALUES (:id, :a, :org, :user, :channel, :at, :n, :personal, CAST(:ids AS uuid[]))""")
			.param("id", id)
			.param("a", agreement.id())
			.param("org", recipient.organisationId().value())
			.param("user", recipient.userId().value())
			.param("channel", channel)
			.param("at", Timestamp.from(clock.instant()))
			.param("n", stixIds.size())
			.param("personal", clearPersonal)
			.param("ids", stixIds.stream().map(s -> UUID.fromString(s.substring(s.indexOf("--") + 2))).toArray(UUID[]::new))
			.update();
		AuditEvent event = AuditEvent.of("sharing.disclosed", "sharing-agreement", agreement.id())
			.withDetail("disclosure=" + id + " channel=" + channel + " objects=" + stixIds.size());
		audit.record(AuditActor.of(recipient), clearPersonal ? event.personal() : event);
	}
}
