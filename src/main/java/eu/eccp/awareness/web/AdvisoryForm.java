package eu.eccp.awareness.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import eu.eccp.awareness.internal.Advisory;
import eu.eccp.awareness.internal.AdvisoryDraft;
import eu.eccp.awareness.internal.AdvisoryLanguage;
import eu.eccp.awareness.internal.AdvisoryText;
import eu.eccp.awareness.internal.Suggestion;

/**
 * The advisory form as typed: {@code offence}, {@code countries}, {@code expiresOn}, {@code suggestion} and per
 * language {@code en.title}, {@code en.summary}, {@code en.happening}, {@code en.recognise}, {@code en.advice},
 * {@code en.reportHow} (and the same for {@code fr}, {@code de}).
 */
record AdvisoryForm(String offence, List<String> countries, String expiresOn, @Nullable UUID suggestion,
		Map<String, AdvisoryDraft.Translation> texts) {

	static final List<String> FIELDS = List.of("title", "summary", "happening", "recognise", "advice", "reportHow");

	static AdvisoryForm empty() {
		return new AdvisoryForm("", List.of(), "", null, Map.of());
	}

	static AdvisoryForm from(Suggestion suggestion) {
		return new AdvisoryForm(suggestion.offence() == null ? "" : suggestion.offence().name(),
				suggestion.countries().stream().map(c -> c.value()).toList(), "", suggestion.id(), Map.of());
	}

	static AdvisoryForm from(Advisory advisory) {
		Map<String, AdvisoryDraft.Translation> texts = new LinkedHashMap<>();
		for (AdvisoryText t : advisory.texts().values()) {
			texts.put(t.language().code(), new AdvisoryDraft.Translation(t.language().code(), t.title(), t.summary(),
					t.happening(), t.recognise(), t.advice(), t.reportHow()));
		}
		String expires = advisory.expiresAt() == null ? ""
				: advisory.expiresAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
		return new AdvisoryForm(advisory.offence().name(), advisory.countries().stream().map(c -> c.value()).toList(),
				expires, advisory.suggestion(), texts);
	}

	static AdvisoryForm from(MultiValueMap<String, String> params) {
		Map<String, AdvisoryDraft.Translation> texts = new LinkedHashMap<>();
		for (AdvisoryLanguage language : AdvisoryLanguage.values()) {
			String p = language.code() + ".";
			texts.put(language.code(), new AdvisoryDraft.Translation(language.code(), params.getFirst(p + "title"),
					params.getFirst(p + "summary"), params.getFirst(p + "happening"), params.getFirst(p + "recognise"),
					params.getFirst(p + "advice"), params.getFirst(p + "reportHow")));
		}
		String suggestion = params.getFirst("suggestion");
		UUID suggestionId = null;
		if (suggestion != null && !suggestion.isBlank()) {
			try {
				suggestionId = UUID.fromString(suggestion.strip());
			}
			catch (IllegalArgumentException e) {
				suggestionId = null;
			}
		}
		List<String> countries = params.get("countries") == null ? List.of() : new ArrayList<>(params.get("countries"));
		return new AdvisoryForm(nonNull(params.getFirst("offence")), countries, nonNull(params.getFirst("expiresOn")),
				suggestionId, texts);
	}

	AdvisoryDraft draft() {
		return new AdvisoryDraft(offence, countries, expiresOn, new ArrayList<>(texts.values()), suggestion);
	}

	/** The typed value of one language's field, for the form. */
	public String value(String language, String field) {
		AdvisoryDraft.Translation t = texts.get(language);
		if (t == null) {
			return "";
		}
		String v = switch (field) {
			case "title" -> t.title();
			case "summary" -> t.summary();
			case "happening" -> t.happening();
			case "recognise" -> t.recognise();
			case "advice" -> t.advice();
			case "reportHow" -> t.reportHow();
			default -> null;
		};
		return v == null ? "" : v;
	}

	private static String nonNull(@Nullable String s) {
		return s == null ? "" : s;
	}
}
