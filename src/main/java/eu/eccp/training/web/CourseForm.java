package eu.eccp.training.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import eu.eccp.training.internal.CompetencyRole;
import eu.eccp.training.internal.CourseDraft;

/**
 * The course form's fields as a {@link CourseDraft}: three rows of language, title and description
 * ({@code textLanguage}, {@code textTitle}, {@code textDescription}), one level select per role
 * ({@code level_ROLE}), and the course's other fields by their API names.
 */
final class CourseForm {

	/** Text rows the form offers. */
	static final int TEXT_ROWS = 3;

	/** The official languages of the EU, which the form offers for a course. */
	static final List<String> LANGUAGES = List.of("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
			"hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv");

	/** Time zones the form offers: those of the member states, and UTC for online courses. */
	static final List<String> TIME_ZONES = List.of("UTC", "Atlantic/Azores", "Europe/Lisbon", "Europe/Dublin",
			"Europe/Madrid", "Europe/Paris", "Europe/Brussels", "Europe/Amsterdam", "Europe/Luxembourg", "Europe/Berlin",
			"Europe/Copenhagen", "Europe/Rome", "Europe/Malta", "Europe/Vienna", "Europe/Prague", "Europe/Bratislava",
			"Europe/Ljubljana", "Europe/Zagreb", "Europe/Budapest", "Europe/Warsaw", "Europe/Stockholm", "Europe/Helsinki",
			"Europe/Tallinn", "Europe/Riga", "Europe/Vilnius", "Europe/Bucharest", "Europe/Sofia", "Europe/Athens",
			"Asia/Nicosia");

	private CourseForm() {
	}

	static CourseDraft draft(Map<String, String> single, String @Nullable [] textLanguages,
			String @Nullable [] textTitles, String @Nullable [] textDescriptions, String @Nullable [] languages,
			String @Nullable [] audiences) {
		List<CourseDraft.Text> texts = new ArrayList<>();
		int rows = Math.max(size(textLanguages), Math.max(size(textTitles), size(textDescriptions)));
		for (int i = 0; i < Math.min(rows, TEXT_ROWS); i++) {
			texts.add(new CourseDraft.Text(at(textLanguages, i), at(textTitles, i), at(textDescriptions, i)));
		}
		List<CourseDraft.RoleLevel> roles = new ArrayList<>();
		for (CompetencyRole role : CompetencyRole.values()) {
			String level = single.get("level_" + role.name());
			if (level != null && !level.isBlank()) {
				roles.add(new CourseDraft.RoleLevel(role.name(), level));
			}
		}
		return new CourseDraft(texts, roles, single.get("format"), languages == null ? List.of() : List.of(languages),
				audiences == null ? List.of() : List.of(audiences), single.get("timeZone"), single.get("startsAt"), single.get("endsAt"),
				single.get("venue"), number(single.get("seats")), number(single.get("countryQuota")),
				single.get("applicationDeadline"), single.get("prerequisites"), single.get("costEur"), single.get("funding"));
	}

	/** The text rows to show: the draft's, then empty ones up to {@link #TEXT_ROWS}. */
	static List<CourseDraft.Text> rows(CourseDraft draft) {
		List<CourseDraft.Text> rows = new ArrayList<>(draft.texts() == null ? List.of() : draft.texts());
		while (rows.size() < TEXT_ROWS) {
			rows.add(new CourseDraft.Text(rows.isEmpty() ? "en" : null, null, null));
		}
		return rows;
	}

	/** A number typed into the form; text that is not one becomes -1, which validation refuses. */
	private static @Nullable Integer number(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static int size(String @Nullable [] values) {
		return values == null ? 0 : values.length;
	}

	private static @Nullable String at(String @Nullable [] values, int i) {
		return values == null || i >= values.length ? null : values[i];
	}
}
