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
}
