package eu.eccp.training.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Courses as iCalendar (RFC 5545): one VEVENT per course in its own time zone ({@code DTSTART;TZID=...}), and one
 * VTIMEZONE per zone used, derived from the zone's current rules in {@code java.time} (a STANDARD and a DAYLIGHT
 * sub-component with yearly rules for zones with summer time, one STANDARD otherwise). Lines end in CRLF and are
 * folded at 75 octets; text values are escaped.
 */
@Component
public class CourseCalendar {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private final Clock clock;
	private final String publicUrl;

	CourseCalendar(Clock clock, @Value("${eccp.public-url:http://localhost:8080}") String publicUrl) {
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	public String calendar(Collection<Course> courses, String name, @Nullable String language) {
		List<String> lines = new ArrayList<>();
		lines.add("BEGIN:VCALENDAR");
		lines.add("VERSION:2.0");
		lines.add("PRODID:-//ECCP//Training calendar//EN");
		lines.add("CALSCALE:GREGORIAN");
		lines.add("METHOD:PUBLISH");
		lines.add("X-WR-CALNAME:" + text(name));
		Set<ZoneId> zones = new LinkedHashSet<>();
		courses.forEach(c -> zones.add(c.details().zone()));
		for (ZoneId zone : zones) {
			timeZone(zone, lines);
		}
		String stamp = UTC.format(clock.instant());
		for (Course course : courses) {
			ValidCourse d = course.details();
			CourseText words = d.text(language);
			lines.add("BEGIN:VEVENT");
			lines.add("UID:" + course.id() + "@training.eccp");
			lines.add("DTSTAMP:" + stamp);
			lines.add("LAST-MODIFIED:" + UTC.format(course.updatedAt()));
			lines.add("DTSTART;TZID=" + d.zone().getId() + ":" + LOCAL.format(d.localStart()));
			lines.add("DTEND;TZID=" + d.zone().getId() + ":" + LOCAL.format(d.localEnd()));
			lines.add("SUMMARY:" + text(words.title()));
			String description = words.description().length() > 1000 ? words.description().substring(0, 1000) + "…"
					: words.description();
			lines.add("DESCRIPTION:" + text(description + "\n\n" + course.organiserName() + "\n" + link(course)));
			if (d.venue() != null) {
				lines.add("LOCATION:" + text(d.venue()));
			}
			lines.add("ORGANIZER;CN=" + param(course.organiserName()) + ":" + publicUrl + "/training");
			lines.add("URL:" + link(course));
			lines.add("STATUS:" + (course.status() == CourseStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
			lines.add("END:VEVENT");
		}
		lines.add("END:VCALENDAR");
		StringBuilder out = new StringBuilder();
		for (String line : lines) {
			fold(line, out);
		}
		return out.toString();
	}

	private String link(Course course) {
		return publicUrl + "/training/courses/" + course.id();
	}

	/** VTIMEZONE from the zone's rules as they are now. */
	static void timeZone(ZoneId zone, List<String> lines) {
		ZoneRules rules = zone.getRules();
		lines.add("BEGIN:VTIMEZONE");
		lines.add("TZID:" + zone.getId());
		List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
		if (yearly.isEmpty()) {
			ZoneOffset offset = rules.getStandardOffset(java.time.Instant.now());
			ZoneOffsetTransition last = rules.previousTransition(java.time.Instant.now());
			lines.add("BEGIN:STANDARD");
			lines.add("DTSTART:" + LOCAL.format(last == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : last.getDateTimeAfter()));
			lines.add("TZOFFSETFROM:" + offset(last == null ? offset : last.getOffsetBefore()));
			lines.add("TZOFFSETTO:" + offset(offset));
			lines.add("TZNAME:" + zone.getId());
			lines.add("END:STANDARD");
		}
		else {
			for (ZoneOffsetTransitionRule rule : yearly) {
				ZoneOffsetTransition first = rule.createTransition(1970);
				boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
				String kind = daylight ? "DAYLIGHT" : "STANDARD";
				lines.add("BEGIN:" + kind);
				lines.add("DTSTART:" + LOCAL.format(first.getDateTimeBefore()));
				lines.add("RRULE:" + recurrence(rule));
				lines.add("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
				lines.add("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
				lines.add("END:" + kind);
			}
		}
		lines.add("END:VTIMEZONE");
	}

	/** The yearly rule of a transition, e.g. the EU's "last Sunday of March" as {@code BYDAY=SU;BYMONTHDAY=25,...,31}. */
	static String recurrence(ZoneOffsetTransitionRule rule) {
		Month month = rule.getMonth();
		int indicator = rule.getDayOfMonthIndicator();
		DayOfWeek day = rule.getDayOfWeek();
		StringBuilder r = new StringBuilder("FREQ=YEARLY;BYMONTH=").append(month.getValue());
		if (day == null) {
			return r.append(";BYMONTHDAY=").append(indicator).toString();
		}
		// "the first DAY on or after the INDICATOR-th" (from the end when negative): seven days to pick from
		String days = indicator > 0
				? IntStream.range(indicator, indicator + 7).mapToObj(Integer::toString).collect(Collectors.joining(","))
				: IntStream.rangeClosed(indicator - 6, indicator).map(i -> i).mapToObj(Integer::toString)
					.collect(Collectors.joining(","));
		return r.append(";BYDAY=").append(day.name().substring(0, 2)).append(";BYMONTHDAY=").append(days).toString();
	}

	private static String offset(ZoneOffset offset) {
		int seconds = offset.getTotalSeconds();
		int abs = Math.abs(seconds);
		return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", abs / 3600, abs / 60 % 60);
	}

	/** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\r", "\n")
			.replace("\n", "\\n");
	}

	/** A parameter value, quoted, without the characters a parameter cannot hold. */
	private static String param(String value) {
		return "\"" + value.replace("\"", "'").replaceAll("[\\p{Cntrl}]", " ") + "\"";
	}

	/** Writes a content line folded at 75 octets (never inside a UTF-8 sequence), with CRLF. */
	static void fold(String line, StringBuilder out) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}
}
