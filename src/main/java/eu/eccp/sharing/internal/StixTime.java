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

	/**
	 * Parses an RFC 3339 timestamp as TAXII's {@code added_after} gives it; fails with IllegalArgumentException. The
	 * form STIX objects nearly always carry ({@code 2026-03-01T10:00:00Z}, with or without a fraction of up to nine
	 * digits) is read directly, which an import of many objects notices (the general parser was two fifths of reading a
	 * bundle); anything else goes to {@link java.time.OffsetDateTime#parse}, and both give the same instant and refuse
	 * the same impossible dates.
	 */
	public static Instant parse(String text) {
		Instant fast = utc(text);
		if (fast != null) {
			return fast;
		}
		try {
			return java.time.OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new IllegalArgumentException("not an RFC 3339 timestamp: " + text, e);
		}
	}

	/** {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null when the text has another form. */
	static @org.jspecify.annotations.Nullable Instant utc(String text) {
		int n = text.length();
		if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		int nanos = 0;
		if (n > 20) {
			int fraction = n - 21;
			if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
				return null;
			}
			nanos = digits(text, 20, fraction);
			if (nanos < 0) {
				return null;
			}
			for (int i = fraction; i < 9; i++) {
				nanos *= 10;
			}
		}
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
			return null;
		}
		try {
			return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
		}
		catch (java.time.DateTimeException impossible) {
			throw new IllegalArgumentException("not an RFC 3339 timestamp: " + text, impossible);
		}
	}

	/** The decimal number of {@code length} ASCII digits at {@code from}, or -1 when one is not a digit. */
	private static int digits(String text, int from, int length) {
		int value = 0;
		for (int i = from; i < from + length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}
}
