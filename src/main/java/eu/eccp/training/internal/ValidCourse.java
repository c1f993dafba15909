package eu.eccp.training.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.InvalidRequestException;

/**
 * A course's details once checked: every rule of the catalogue holds (at least one title, one role, one language,
 * dates in order in a real time zone, applications closing before the start, seats and quota positive).
 */
public record ValidCourse(List<CourseText> texts, List<ServedRole> roles, CourseFormat format, List<String> languages,
		Set<Audience> audiences, ZoneId zone, Instant startsAt, Instant endsAt, @Nullable String venue, int seats,
		@Nullable Integer countryQuota, Instant applicationDeadline, @Nullable String prerequisites,
		@Nullable BigDecimal costEur, @Nullable String funding) {

	static final int MAX_TITLE = 200;
	static final int MAX_DESCRIPTION = 10_000;
	static final int MAX_TEXT = 2_000;
	static final int MAX_SEATS = 10_000;
	private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

	public ValidCourse {
		texts = List.copyOf(texts);
		roles = List.copyOf(roles);
		languages = List.copyOf(languages);
		audiences = audiences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(audiences));
	}

	/** Checks a draft; every problem is reported at once, by field. */
	public static ValidCourse of(CourseDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<CourseText> texts = new ArrayList<>();
		Set<String> textLanguages = new LinkedHashSet<>();
		for (CourseDraft.Text text : draft.texts() == null ? List.<CourseDraft.Text>of() : draft.texts()) {
			if (text == null || blank(text.title()) && blank(text.description())) {
				continue;
			}
			String language = language(text.language());
			if (language == null || !textLanguages.add(language)) {
				errors.put("texts", "training.error.textLanguage");
			}
			else if (blank(text.title()) || text.title().strip().length() > MAX_TITLE) {
				errors.put("texts", "training.error.title");
			}
			else if (text.description() != null && text.description().strip().length() > MAX_DESCRIPTION) {
				errors.put("texts", "training.error.description");
			}
			else {
				texts.add(new CourseText(language, text.title().strip(), text.description() == null ? "" : text.description().strip()));
			}
		}
		if (texts.isEmpty()) {
			errors.putIfAbsent("texts", "training.error.title");
		}
		Map<CompetencyRole, Level> roles = new EnumMap<>(CompetencyRole.class);
		for (CourseDraft.RoleLevel served : draft.roles() == null ? List.<CourseDraft.RoleLevel>of() : draft.roles()) {
			if (served == null || blank(served.role()) && blank(served.level())) {
				continue;
			}
			CompetencyRole role = constant(CompetencyRole.class, served.role());
			Level level = constant(Level.class, served.level());
			if (role == null || level == null || roles.put(role, level) != null) {
				errors.put("roles", "training.error.role");
			}
		}
		if (roles.isEmpty()) {
			errors.putIfAbsent("roles", "training.error.roles");
		}
		CourseFormat format = constant(CourseFormat.class, draft.format());
		if (format == null) {
			errors.put("format", "training.error.format");
		}
		List<String> languages = new ArrayList<>();
		for (String code : draft.languages() == null ? List.<String>of() : draft.languages()) {
			if (blank(code)) {
				continue;
			}
			String language = language(code);
			if (language == null) {
				errors.put("languages", "training.error.language");
			}
			else if (!languages.contains(language)) {
				languages.add(language);
			}
		}
		if (languages.isEmpty()) {
			errors.putIfAbsent("languages", "training.error.languages");
		}
		Set<Audience> audiences = EnumSet.noneOf(Audience.class);
		for (String value : draft.audiences() == null ? List.<String>of() : draft.audiences()) {
			Audience audience = constant(Audience.class, value);
			if (audience == null) {
				errors.put("audiences", "training.error.audience");
			}
			else {
				audiences.add(audience);
			}
		}
		if (audiences.isEmpty()) {
			errors.putIfAbsent("audiences", "training.error.audience");
		}
		ZoneId zone = null;
		try {
			zone = blank(draft.timeZone()) ? null : ZoneId.of(draft.timeZone().strip());
		}
		catch (DateTimeException e) {
			zone = null;
		}
		if (zone == null) {
			errors.put("timeZone", "training.error.timeZone");
		}
		LocalDateTime start = dateTime(draft.startsAt());
		LocalDateTime end = dateTime(draft.endsAt());
		if (start == null) {
			errors.put("startsAt", "training.error.dateTime");
		}
		if (end == null) {
			errors.put("endsAt", "training.error.dateTime");
		}
		else if (start != null && end.isBefore(start)) {
			errors.put("endsAt", "training.error.endBeforeStart");
		}
		LocalDate deadline = date(draft.applicationDeadline());
		if (deadline == null) {
			errors.put("applicationDeadline", "training.error.date");
		}
		else if (start != null && !deadline.isBefore(start.toLocalDate())) {
			errors.put("applicationDeadline", "training.error.deadlineAfterStart");
		}
		if (draft.seats() == null || draft.seats() < 1 || draft.seats() > MAX_SEATS) {
			errors.put("seats", "training.error.seats");
		}
		if (draft.countryQuota() != null && (draft.countryQuota() < 1
				|| draft.seats() != null && draft.countryQuota() > draft.seats())) {
			errors.put("countryQuota", "training.error.countryQuota");
		}
		BigDecimal cost = null;
		if (!blank(draft.costEur())) {
			try {
				cost = new BigDecimal(draft.costEur().strip().replace(',', '.'));
				if (cost.signum() < 0 || cost.scale() > 2 || cost.compareTo(new BigDecimal("99999999")) > 0) {
					errors.put("costEur", "training.error.cost");
				}
			}
			catch (NumberFormatException e) {
				errors.put("costEur", "training.error.cost");
			}
		}
		String venue = text(draft.venue(), "venue", errors);
		String prerequisites = text(draft.prerequisites(), "prerequisites", errors);
		String funding = text(draft.funding(), "funding", errors);
		if (format == CourseFormat.RESIDENTIAL && venue == null) {
			errors.put("venue", "training.error.venue");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new ValidCourse(texts, roles.entrySet().stream().map(e -> new ServedRole(e.getKey(), e.getValue())).toList(),
				format, languages, audiences, zone, start.atZone(zone).toInstant(), end.atZone(zone).toInstant(), venue,
				draft.seats(), draft.countryQuota(), deadline.plusDays(1).atStartOfDay(zone).toInstant(), prerequisites, cost,
				funding);
	}

	/** The text in the reader's language, else in the first language given. */
	public CourseText text(@Nullable String language) {
		return texts.stream().filter(t -> t.language().equals(language)).findFirst().orElse(texts.get(0));
	}

	/** The last day applications are taken, in the course's zone. */
	public LocalDate lastApplicationDay() {
		return applicationDeadline.atZone(zone).toLocalDate().minusDays(1);
	}

	public LocalDateTime localStart() {
		return LocalDateTime.ofInstant(startsAt, zone);
	}

	public LocalDateTime localEnd() {
		return LocalDateTime.ofInstant(endsAt, zone);
	}

	/** The draft this course was made from (to edit it again). */
	public CourseDraft toDraft() {
		return new CourseDraft(texts.stream().map(t -> new CourseDraft.Text(t.language(), t.title(), t.description())).toList(),
				roles.stream().map(r -> new CourseDraft.RoleLevel(r.role().name(), r.level().name())).toList(), format.name(),
				languages, audiences.stream().map(Enum::name).toList(), zone.getId(), localStart().toString(),
				localEnd().toString(), venue, seats, countryQuota, lastApplicationDay().toString(), prerequisites,
				costEur == null ? null : costEur.toPlainString(), funding);
	}

	private static @Nullable String text(@Nullable String value, String field, Map<String, String> errors) {
		if (blank(value)) {
			return null;
		}
		if (value.strip().length() > MAX_TEXT) {
			errors.put(field, "training.error.tooLong");
			return null;
		}
		return value.strip();
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	static @Nullable String language(@Nullable String code) {
		if (blank(code)) {
			return null;
		}
		String language = code.strip().toLowerCase(Locale.ROOT);
		return ISO_LANGUAGES.contains(language) ? language : null;
	}

	static <E extends Enum<E>> @Nullable E constant(Class<E> type, @Nullable String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static @Nullable LocalDateTime dateTime(@Nullable String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
