package eu.eccp.training.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the catalogue is searched for: words in a title or description, a role, a level, a language, a format, an
 * audience, a period (courses running on or after {@code from} and starting on or before {@code to}); past courses
 * only when asked for.
 */
public record CourseFilter(@Nullable String q, @Nullable CompetencyRole role, @Nullable Level level,
		@Nullable String language, @Nullable CourseFormat format, @Nullable Audience audience, @Nullable LocalDate from,
		@Nullable LocalDate to, boolean includePast, boolean mineOnly) {

	public static CourseFilter upcoming() {
		return new CourseFilter(null, null, null, null, null, null, null, null, false, false);
	}

	public static CourseFilter of(@Nullable String q, @Nullable String role, @Nullable String level,
			@Nullable String language, @Nullable String format, @Nullable String audience, @Nullable String from,
			@Nullable String to, boolean includePast, boolean mineOnly) {
		return new CourseFilter(ValidCourse.blank(q) ? null : q.strip(), ValidCourse.constant(CompetencyRole.class, role),
				ValidCourse.constant(Level.class, level), ValidCourse.language(language),
				ValidCourse.constant(CourseFormat.class, format), ValidCourse.constant(Audience.class, audience), date(from),
				date(to), includePast, mineOnly);
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		try {
			return ValidCourse.blank(value) ? null : LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}
}
