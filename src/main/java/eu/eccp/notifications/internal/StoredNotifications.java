package eu.eccp.notifications.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.notifications.Notice;
import eu.eccp.notifications.NoticeSent;
import eu.eccp.notifications.Notifications;

/** Stores each notice in the recipient's in-app inbox and announces it to the delivery channels. */
@Service
class StoredNotifications implements Notifications {

	private final InAppNoticeRepository notices;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final NoticeTitles titles;

	StoredNotifications(InAppNoticeRepository notices, ApplicationEventPublisher events, Clock clock, NoticeTitles titles) {
		this.notices = notices;
		this.events = events;
		this.clock = clock;
		this.titles = titles;
	}

	@Override
	@Transactional
	public void send(Notice notice) {
		UUID id = UUID.randomUUID();
		notices.insert(id, notice, english(notice), clock.instant());
		events.publishEvent(new NoticeSent(id));
	}

	/** The English title, kept for webhooks (machines read one language) and as the text of last resort. */
	private String english(Notice notice) {
		String text = titles.render(notice.titleKey(), notice.titleArguments(), notice.title(), java.util.Locale.ENGLISH);
		return text.length() > 300 ? text.substring(0, 300) : text;
	}
}
