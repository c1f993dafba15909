package eu.eccp.takedown.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * The module's notices. Titles are message keys with arguments, rendered in each reader's language (the English
 * text goes to webhooks); they name counts and references, never an address or anything of the content.
 */
@Component
class TakedownNotices {

	private final Notifications notifications;
	private final MessageSource messages;

	TakedownNotices(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	/**
	 * Sends a notice whose title is a message key with arguments, shown in each reader's language (inbox, API,
	 * e-mail); the English text is kept for webhooks.
	 */
	void send(OrganisationId to, String topic, String link, boolean urgent, String titleKey, Object... arguments) {
		sendTo(to, null, topic, link, urgent, titleKey, arguments);
	}

	/** As {@link #send}, addressed to one person of the organisation when {@code person} is given (a backup contact). */
	void sendTo(OrganisationId to, @org.jspecify.annotations.Nullable UserId person, String topic, String link,
			boolean urgent, String titleKey, Object... arguments) {
		String title = messages.getMessage(titleKey, arguments, titleKey, Locale.ENGLISH);
		List<String> texts = Arrays.stream(arguments).map(String::valueOf).toList();
		Notice notice = new Notice(to, null, topic, title, link, false, Map.of(), titleKey, texts);
		Notice addressed = person == null ? notice : notice.forPerson(person);
		notifications.send(urgent ? addressed.urgently() : addressed);
	}
}
