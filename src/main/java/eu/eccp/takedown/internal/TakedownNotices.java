package eu.eccp.takedown.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.shared.OrganisationId;

/**
 * The module's notices. Titles are message keys (read in English: notices leave the platform by e-mail and
 * webhooks, whose reader's language the platform does not know); they name counts and references, never an
 * address or anything of the content.
 */
@Component
class TakedownNotices {

	private final Notifications notifications;
	private final MessageSource messages;

	TakedownNotices(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	void send(OrganisationId to, String topic, String link, boolean urgent, String titleKey, Object... arguments) {
		String title = messages.getMessage(titleKey, arguments, titleKey, Locale.ENGLISH);
		Notice notice = Notice.to(to, topic, title, link);
		notifications.send(urgent ? notice.urgently() : notice);
	}

	void send(Notice notice) {
		notifications.send(notice);
	}

	String title(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, Locale.ENGLISH);
	}
}
