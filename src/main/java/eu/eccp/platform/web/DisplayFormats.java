package eu.eccp.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Formats for templates, as {@code ${@fmt.utc(instant)}}: one way to show times everywhere. */
@Component("fmt")
public class DisplayFormats {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	public String utc(@Nullable Instant instant) {
		return instant == null ? "—" : UTC.format(instant);
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
			return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of(zone)).format(instant)
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
