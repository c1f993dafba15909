package eu.eccp.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.Labelled;
import eu.eccp.shared.Labels;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * Something an organisation must learn about. Notices leave the platform (e-mail, webhooks), so they carry
 * what the recipient needs to act and a link, never the content of a record (no report text, no personal
 * data).
 *
 * @param recipient the organisation told
 * @param person a particular person of that organisation, if the notice is for them (an assignee)
 * @param topic what happened, dotted, e.g. {@code case.invitation}, {@code request.received},
 *        {@code request.escalated}, {@code hit.found}; webhooks subscribe by topic
 * @param title one line a person reads in the inbox or as the e-mail subject
 * @param link the platform path where the recipient acts, e.g. {@code /cases/…}
 * @param urgent whether it is urgent (emergency requests, escalations): shown first, mailed at once
 * @param data machine-readable identifiers for webhooks, e.g. {@code requestId}, {@code kind}
 * @param titleKey the message key of the title, rendered in each reader's language (inbox, e-mail); null
 *        only for notices built with the plain-text {@link #to(OrganisationId, String, String, String)}
 * @param titleArguments the title's arguments as text; an argument {@code #{key}} is itself a message key
 *        (an enum's words, see {@link #of(OrganisationId, String, String, Object...)}), rendered in the
 *        reader's language too
 */
public record Notice(OrganisationId recipient, @Nullable UserId person, String topic, String title, String link,
		boolean urgent, Map<String, String> data, @Nullable String titleKey, List<String> titleArguments) {

	public Notice {
		Objects.requireNonNull(recipient, "recipient");
		if (!topic.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+")) {
			throw new IllegalArgumentException("topic must be dotted lower-case words: " + topic);
		}
		if (title.isBlank() || title.length() > 300) {
			throw new IllegalArgumentException("title must be 1 to 300 characters");
		}
		if (!link.startsWith("/")) {
			throw new IllegalArgumentException("link must be a platform path");
		}
		data = Map.copyOf(new LinkedHashMap<>(data));
		titleArguments = List.copyOf(titleArguments);
	}

	/**
	 * A notice for the whole organisation whose title is the message {@code notice.TOPIC} with these
	 * arguments, rendered in each reader's language. Enum arguments are stored as their message key (see
	 * {@link Labelled}) and read in the reader's language too; anything else as its text. The English
	 * rendering is stored as {@link #title()} for webhooks and for readers of older releases.
	 */
	public static Notice of(OrganisationId recipient, String topic, String link, Object... arguments) {
		List<String> texts = new ArrayList<>();
		for (Object argument : arguments) {
			texts.add(argument instanceof Enum<?> constant ? "#{" + Labels.key(constant) + "}" : String.valueOf(argument));
		}
		return new Notice(recipient, null, topic, "notice." + topic, link, false, Map.of(), "notice." + topic, texts);
	}

	/**
	 * A notice with a plain-text title, shown as written whatever the reader's language.
	 *
	 * @deprecated use {@link #of(OrganisationId, String, String, Object...)}: every text a person reads is
	 *             a message key (kept so that modules still on plain titles keep compiling)
	 */
	@Deprecated
	public static Notice to(OrganisationId recipient, String topic, String title, String link) {
		return new Notice(recipient, null, topic, title, link, false, Map.of(), null, List.of());
	}

	public Notice urgently() {
		return new Notice(recipient, person, topic, title, link, true, data, titleKey, titleArguments);
	}

	public Notice forPerson(UserId someone) {
		return new Notice(recipient, someone, topic, title, link, urgent, data, titleKey, titleArguments);
	}

	public Notice with(String key, Object value) {
		Map<String, String> more = new LinkedHashMap<>(data);
		more.put(key, String.valueOf(value));
		return new Notice(recipient, person, topic, title, link, urgent, more, titleKey, titleArguments);
	}
}
