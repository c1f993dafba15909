package eu.eccp.shared;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words for values, in the reader's language: enum constants (through {@link Labelled}), notification
 * topics, report routing reasons and channels, field names, language and country codes. Templates call it
 * as {@code ${@labels.of(r.status)}}; a value without words shows as {@code ??key??}, which the browser
 * tests' raw-text check catches.
 */
@Component("labels")
public class Labels {

	private final MessageSource messages;

	public Labels(MessageSource messages) {
		this.messages = messages;
	}

	/** The message key of an enum constant, e.g. {@code reportstatus.RECEIVED}. */
	public static String key(Enum<?> value) {
		Labelled labelled = value.getDeclaringClass().getAnnotation(Labelled.class);
		if (labelled == null || !labelled.shown() || labelled.value().isEmpty()) {
			throw new IllegalArgumentException(value.getDeclaringClass().getName() + " is not @Labelled for people");
		}
		return labelled.value() + "." + value.name() + (labelled.suffix().isEmpty() ? "" : "." + labelled.suffix());
	}

	private static boolean isLabelled(Enum<?> value) {
		Labelled labelled = value.getDeclaringClass().getAnnotation(Labelled.class);
		return labelled != null && labelled.shown() && !labelled.value().isEmpty();
	}

	/** Words for an enum constant; for a string (a stored constant name) use {@link #of(String, Object)}. */
	public String of(@Nullable Object value) {
		if (value == null) {
			return "—";
		}
		if (value instanceof Enum<?> constant && isLabelled(constant)) {
			return message(key(constant));
		}
		// a template asked for words nobody wrote (LabelsTests and the page checks catch this): shown as Thymeleaf
		// shows a missing message, never a failed page
		return "??" + value + "??";
	}

	/** Words for a value stored as text under a key prefix, e.g. {@code of('indicatortype', 'URL')}. */
	public String of(String prefix, @Nullable Object value) {
		return value == null ? "—" : message(prefix + "." + value);
	}

	/** Several values, comma-separated, e.g. capabilities. */
	public String all(String prefix, @Nullable Collection<?> values) {
		if (values == null || values.isEmpty()) {
			return "—";
		}
		return values.stream().map(v -> of(prefix, v instanceof Enum<?> e ? e.name() : v)).collect(Collectors.joining(", "));
	}

	/** A notification topic, e.g. {@code hit.found} → "Cross-border hit found". */
	public String topic(@Nullable String topic) {
		if (topic == null) {
			return "—";
		}
		if (topic.endsWith(".*")) {
			return message("topic.any", message("topic.group." + topic.substring(0, topic.length() - 2)));
		}
		return message("topic." + topic);
	}

	/** Topic subscriptions, comma-separated. */
	public String topics(@Nullable Collection<String> topics) {
		return topics == null ? "—" : topics.stream().map(this::topic).collect(Collectors.joining(", "));
	}

	/**
	 * Why a report went to its organisation, from the stored reason: {@code victim-country:FR},
	 * {@code residence-country:AT}, {@code fallback:europol}, {@code duplicate}...
	 */
	public String routing(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			return "—";
		}
		int colon = reason.indexOf(':');
		String basis = colon < 0 ? reason : reason.substring(0, colon);
		String argument = colon < 0 ? "" : reason.substring(colon + 1);
		if (basis.endsWith("-country")) {
			argument = country(argument);
		}
		return message("routing." + basis, argument);
	}

	/** The name of an ISO 639-1 language code in the reader's language, e.g. {@code de} → "allemand". */
	public String language(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return "—";
		}
		Locale reader = LocaleContextHolder.getLocale();
		String name = new Locale(code.strip()).getDisplayLanguage(reader);
		return name.isEmpty() || name.equalsIgnoreCase(code.strip()) ? code : capitalised(name, reader);
	}

	public String languages(@Nullable Collection<String> codes) {
		return codes == null || codes.isEmpty() ? "—" : codes.stream().map(this::language).collect(Collectors.joining(", "));
	}

	/** The name of an ISO 3166-1 alpha-2 country code in the reader's language, e.g. {@code DE} → "Allemagne". */
	public String country(@Nullable Object code) {
		if (code == null || code.toString().isBlank()) {
			return "—";
		}
		String text = code.toString().strip();
		if (text.equalsIgnoreCase("EU")) {
			return message("country.EU");
		}
		String name = new Locale("", text).getDisplayCountry(LocaleContextHolder.getLocale());
		return name.isEmpty() || name.equalsIgnoreCase(text) ? text : name;
	}

	public String countries(@Nullable Collection<?> codes) {
		return codes == null || codes.isEmpty() ? "—" : codes.stream().map(this::country).collect(Collectors.joining(", "));
	}

	/** Country names for codes, sorted by name in the reader's language (for pickers). */
	public List<CountryName> countryNames(Collection<?> codes) {
		java.text.Collator collator = java.text.Collator.getInstance(LocaleContextHolder.getLocale());
		return codes.stream()
			.map(c -> new CountryName(c.toString(), country(c)))
			.sorted((a, b) -> collator.compare(a.name(), b.name()))
			.toList();
	}

	/** A country code and its name in the reader's language. */
	public record CountryName(String code, String name) {
	}

	/**
	 * Where in a report something was found, e.g. {@code details.emails} → "E-mail addresses",
	 * {@code attachment:mail.eml} → "File mail.eml".
	 */
	public String reportSource(@Nullable String source) {
		if (source == null) {
			return "—";
		}
		if (source.startsWith("attachment:")) {
			return message("source.attachment", source.substring("attachment:".length()));
		}
		if (source.startsWith("details.")) {
			return message("report.field." + source);
		}
		return message("report.field." + source);
	}

	/**
	 * A form error in the reader's language, naming the limit where the field has one: the one wording every
	 * form's fields and error summaries use ({@code fragments/field.html}). {@code code} is a message code of
	 * {@link InvalidRequestException#fieldErrors()}; a text too long ({@code validation.tooLong}) gets
	 * "At most 2,000 characters." after it, in the reader's number format.
	 */
	public String fieldError(String code, @Nullable Number max) {
		String text = message(code);
		return TOO_LONG.equals(code) && max != null ? text + " " + message("form.atMost", max) : text;
	}

	/** A size in bytes in the reader's language and number format: "512 B", "1.5 MB"; French "1,5 Mo". */
	public String size(long bytes) {
		if (bytes < 1024) {
			return message("size.bytes", bytes);
		}
		if (bytes < 1024L * 1024) {
			return message("size.kilobytes", bytes / 1024.0);
		}
		return message("size.megabytes", bytes / (1024.0 * 1024));
	}

	/** The code of a text longer than its field accepts; {@link #fieldError} adds the limit. */
	public static final String TOO_LONG = "validation.tooLong";

	/** A text of the bundles in the reader's language; {@code ??key??} when it is missing. */
	public String message(String key, Object... arguments) {
		try {
			return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
		}
		catch (NoSuchMessageException e) {
			return "??" + key + "??";
		}
	}

	private static String capitalised(String name, Locale locale) {
		return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}
}
