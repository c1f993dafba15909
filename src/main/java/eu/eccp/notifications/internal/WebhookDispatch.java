package eu.eccp.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.notifications.NoticeSent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a webhook delivery of each notice for every active endpoint of the recipient organisation that
 * subscribes to its topic, after the sender's transaction commits; the worker sends them right after this
 * listener commits. Replays of the event queue nothing twice (one delivery per endpoint and notice).
 *
 * <p>The body is {@code {id, topic, title, link, urgent, createdAt, data}}: the notice's id, its absolute
 * link, its creation time (ISO-8601) and its machine-readable identifiers, never a record's content.
 */
@Component
class WebhookDispatch {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final WebhookWorker worker;
	private final String publicUrl;
	private final Clock clock;

	WebhookDispatch(JdbcClient jdbc, JsonMapper json, WebhookWorker worker,
			@Value("${eccp.public-url:http://localhost:8080}") String publicUrl, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.worker = worker;
		this.publicUrl = PublicUrl.strip(publicUrl);
		this.clock = clock;
	}

	private record Endpoint(UUID id, List<String> topics) {
	}

	@ApplicationModuleListener
	void on(NoticeSent event) {
		StoredNotice notice = StoredNotice.find(jdbc, json, event.noticeId()).orElse(null);
		// a notice for one person (a task assigned to them) stays in their inbox and mail; urgent ones
		// (an escalation to the backup contact) also reach the organisation's systems, which must act on them
		if (notice == null || notice.person() != null && !notice.urgent()) {
			return;
		}
		List<Endpoint> endpoints = jdbc.sql("""
				SELECT id, topics FROM webhook_endpoint WHERE organisation_id = :org AND active AND deleted_at IS NULL""")
			.param("org", notice.recipient().value())
			.query((rs, n) -> new Endpoint(rs.getObject("id", UUID.class), NotificationSettings.strings(rs.getArray("topics"))))
			.list();
		String payload = payload(notice);
		List<UUID> queued = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			if (!Topics.matches(endpoint.topics(), notice.topic())) {
				continue;
			}
			UUID id = UUID.randomUUID();
			Timestamp now = Timestamp.from(clock.instant());
			int inserted = jdbc.sql("""
					INSERT INTO webhook_delivery (id, endpoint_id, notice_id, topic, payload, status, attempts, next_attempt_at, created_at)
					VALUES (:id, :endpoint, :notice, :topic, :payload, 'PENDING', 0, :now, :now)
					ON CONFLICT (endpoint_id, notice_id) DO NOTHING""")
				.param("id", id)
				.param("endpoint", endpoint.id())
				.param("notice", notice.id())
				.param("topic", notice.topic())
				.param("payload", payload)
				.param("now", now)
				.update();
			if (inserted > 0) {
				queued.add(id);
			}
		}
		worker.attemptAfterCommit(queued);
	}

	private String payload(StoredNotice notice) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", notice.id().toString());
		body.put("topic", notice.topic());
		body.put("title", notice.title());
		body.put("link", publicUrl + notice.link());
		body.put("urgent", notice.urgent());
		body.put("createdAt", notice.createdAt().toString());
		body.put("data", notice.data());
		return json.writeValueAsString(body);
	}
}
