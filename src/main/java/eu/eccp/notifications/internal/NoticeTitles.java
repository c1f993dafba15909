package eu.eccp.notifications.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import eu.eccp.shared.GeneratedTexts;

/**
 * A notice's title in a reader's language: the message {@code titleKey} with its arguments, an argument
 * written {@code #{key}} being itself a message (an enum's words); whole numbers are passed as numbers so
 * that titles can choose singular or plural; a text the platform generated (a demo organisation's name) is
 * written in the reader's language ({@link GeneratedTexts}). Notices without a key keep their stored text.
 */
@Component
class NoticeTitles {

	private final MessageSource messages;

	private final GeneratedTexts texts;

	NoticeTitles(MessageSource messages, GeneratedTexts texts) {
		this.messages = messages;
		this.texts = texts;
	}

	String render(@Nullable String titleKey, List<String> arguments, String storedTitle, Locale locale) {
		if (titleKey == null) {
			return storedTitle;
		}
		Object[] values = new Object[arguments.size()];
		for (int i = 0; i < values.length; i++) {
			String argument = arguments.get(i);
			if (argument.startsWith("#{") && argument.endsWith("}")) {
				values[i] = message(argument.substring(2, argument.length() - 1), new Object[0], argument, locale);
			}
			else if (argument.matches("\\d{1,15}")) {
				values[i] = Long.parseLong(argument);
			}
			else {
				values[i] = texts.in(argument, locale);
			}
		}
		return message(titleKey, values, storedTitle, locale);
	}

	/** The locale of a stored language code; English for none or one the platform does not ship. */
	static Locale locale(@Nullable String language) {
		if (language != null) {
			for (Locale shipped : List.of(Locale.FRENCH, Locale.GERMAN)) {
				if (shipped.getLanguage().equals(language)) {
					return shipped;
				}
			}
		}
		return Locale.ENGLISH;
	}

	private String message(String key, Object[] values, String otherwise, Locale locale) {
		try {
			return messages.getMessage(key, values, locale);
		}
		catch (NoSuchMessageException e) {
			return otherwise;
		}
	}
}
