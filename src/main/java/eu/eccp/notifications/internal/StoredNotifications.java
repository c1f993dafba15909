package eu.eccp.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.notifications.Notice;
import eu.eccp.notifications.NoticeSent;
import eu.eccp.notifications.Notifications;
import tools.jackson.databind.json.JsonMapper;

/** Stores each notice in the recipient's in-app inbox and announces it to the delivery channels. */
@Service
class StoredNotifications implements Notifications {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	private final NoticeTitles titles;

	StoredNotifications(JdbcClient jdbc, ApplicationEventPublisher events, JsonMapper json, Clock clock, NoticeTitles titles) {
		this.jdbc = jdbc;
		this.titles = titles;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void send(Notice notice) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO notice (id, recipient_org, recipient_user, topic, title, link, urgent, data, created_at,
				  title_key, title_arguments)
				VALUES (:id, :org, :user, :topic, :title, :link, :urgent, CAST(:data AS jsonb), :now, :titleKey,
				  CAST(:titleArguments AS jsonb))""")
			.param("id", id)
			.param("org", notice.recipient().value())
			.param("user", notice.person() == null ? null : notice.person().value())
			.param("topic", notice.topic())
			.param("title", english(notice))
			.param("titleKey", notice.titleKey())
			.param("titleArguments", json.writeValueAsString(notice.titleArguments()))
			.param("link", notice.link())
			.param("urgent", notice.urgent())
			.param("data", json.writeValueAsString(notice.data()))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new NoticeSent(id));
	}

	/** The English title, kept for webhooks (machines read one language) and as the text of last resort. */
	private String english(Notice notice) {
		String text = titles.render(notice.titleKey(), notice.titleArguments(), notice.title(), java.util.Locale.ENGLISH);
		return text.length() > 300 ? text.substring(0, 300) : text;
	}
}
