package eu.eccp.notifications.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
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

	private final InAppNoticeRepository notices;
	private final WebhookRepository webhooks;
	private final JsonMapper json;
	private final WebhookWorker worker;
	private final String publicUrl;
	private final Clock clock;

	WebhookDispatch(InAppNoticeRepository notices, WebhookRepository webhooks, JsonMapper json, WebhookWorker worker,
			@Value("${eccp.public-url:http://localhost:8080}") String publicUrl, Clock clock) {
		this.notices = notices;
		this.webhooks = webhooks;
		this.json = json;
		this.worker = worker;
		this.publicUrl = PublicUrl.strip(publicUrl);
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(NoticeSent event) {
		StoredNotice notice = notices.find(event.noticeId()).orElse(null);
		// a notice for one person (a task assigned to them) stays in their inbox and mail; urgent ones
		// (an escalation to the backup contact) also reach the organisation's systems, which must act on them
		if (notice == null || notice.person() != null && !notice.urgent()) {
			return;
		}
		List<WebhookRepository.ActiveEndpoint> endpoints = webhooks.activeEndpoints(notice.recipient());
		String payload = payload(notice);
		List<UUID> queued = new ArrayList<>();
		for (WebhookRepository.ActiveEndpoint endpoint : endpoints) {
			if (!Topics.matches(endpoint.topics(), notice.topic())) {
				continue;
			}
			UUID id = UUID.randomUUID();
			boolean inserted = webhooks.queueDelivery(id, endpoint.id(), notice.id(), notice.topic(), payload, clock.instant());
			if (inserted) {
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
