package eu.eccp.training.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A course as an organiser writes it (API payload and form), before validation. Dates and times are local to the
 * course's {@code timeZone} (IANA, e.g. {@code Europe/Lisbon}): {@code startsAt} and {@code endsAt} as
 * {@code 2027-03-01T09:00}, {@code applicationDeadline} as a date (applications close at the end of that day).
 */
public record CourseDraft(@Nullable List<Text> texts, @Nullable List<RoleLevel> roles, @Nullable String format,
		@Nullable List<String> languages, @Nullable List<String> audiences, @Nullable String timeZone,
		@Nullable String startsAt, @Nullable String endsAt, @Nullable String venue, @Nullable Integer seats,
		@Nullable Integer countryQuota, @Nullable String applicationDeadline, @Nullable String prerequisites,
		@Nullable String costEur, @Nullable String funding) {

	/** Title and description in one language (ISO 639-1). */
	public record Text(@Nullable String language, @Nullable String title, @Nullable String description) {
	}

	/** A role of the competency framework the course serves, at a level. */
	public record RoleLevel(@Nullable String role, @Nullable String level) {
	}

	public static CourseDraft empty() {
		return new CourseDraft(List.of(), List.of(), null, List.of(), List.of(), "Europe/Brussels", null, null, null, null,
				null, null, null, null, null);
	}
}
