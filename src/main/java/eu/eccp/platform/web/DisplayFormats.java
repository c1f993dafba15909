package eu.eccp.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Formats for templates, as {@code ${@fmt.utc(instant)}}: one way to show times everywhere, following the
 * page's language (French {@code 28 nov. 2026, 13:30 UTC}, German {@code 28.11.2026, 13:30 UTC}; English
 * keeps the international {@code 2026-11-28 13:30 UTC}).
 */
@Component("fmt")
public class DisplayFormats {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	public String utc(@Nullable Instant instant) {
		return instant == null ? "—" : local(ZoneOffset.UTC).map(f -> f.format(instant) + " UTC").orElseGet(() -> UTC.format(instant));
	}

	/** A calendar date in the reader's format (French {@code 28 nov. 2026}, German {@code 28.11.2026}; English ISO). */
	public String date(java.time.@Nullable LocalDate date) {
		if (date == null) {
			return "—";
		}
		java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		if (reader.getLanguage().equals("en") || reader.getLanguage().isEmpty()) {
			return date.toString();
		}
		return DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(reader).format(date);
	}

	/** The reader's date-and-time format in a zone, or empty for English (which keeps ISO dates). */
	private static java.util.Optional<DateTimeFormatter> local(java.time.ZoneId zone) {
		java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		if (reader.getLanguage().equals("en") || reader.getLanguage().isEmpty()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(DateTimeFormatter
			.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
			.withLocale(reader)
			.withZone(zone));
	}

	/** The local time in the given zone, e.g. {@code 2026-11-28 14:30 (Europe/Paris)}; UTC without a zone. */
	public String inZone(@Nullable Instant instant, @Nullable String zone) {
		if (instant == null) {
			return "—";
		}
		if (zone == null) {
			return utc(instant);
		}
		try {
			java.time.ZoneId id = java.time.ZoneId.of(zone);
			return local(id).orElseGet(() -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(id)).format(instant)
					+ " (" + zone + ")";
		}
		catch (java.time.DateTimeException e) {
			return utc(instant);
		}
	}

	/**
	 * A web address or e-mail address made unclickable for display ({@code hxxps://example[.]com},
	 * {@code user[@]example[.]com}); already defanged text is not defanged twice.
	 */
	public String defang(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String plain = value.replace("[.]", ".").replace("(.)", ".").replace("[@]", "@").replace("[:]", ":")
			.replaceFirst("(?i)^hxxp", "http");
		return plain.replaceFirst("(?i)^http", "hxxp").replace(".", "[.]").replace("@", "[@]");
	}
}
