package eu.eccp.sharing.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** STIX and TAXII timestamps: UTC, always with microseconds ({@code 2026-03-01T10:00:00.123456Z}). */
public final class StixTime {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private StixTime() {
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	/** Parses an RFC 3339 timestamp as TAXII's {@code added_after} gives it; fails with IllegalArgumentException. */
	public static Instant parse(String text) {
		try {
			return java.time.OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new IllegalArgumentException("not an RFC 3339 timestamp: " + text, e);
		}
	}
}
