package eu.eccp.awareness.internal;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an author sends to write or change an advisory (form or API), as typed.
 *
 * @param countries ISO 3166-1 alpha-2 codes of the affected countries
 * @param expiresOn the last day it applies (ISO date, {@code 2026-12-31}), or empty: until withdrawn
 * @param translations one per language written
 * @param suggestion the suggestion it starts from, if any
 */
public record AdvisoryDraft(@Nullable String offence, @Nullable List<String> countries, @Nullable String expiresOn,
		@Nullable List<Translation> translations, @Nullable UUID suggestion) {

	/** The advisory in one language, as typed; {@code language} is {@code en}, {@code fr} or {@code de}. */
	public record Translation(@Nullable String language, @Nullable String title, @Nullable String summary,
			@Nullable String happening, @Nullable String recognise, @Nullable String advice, @Nullable String reportHow) {

		public boolean isBlank() {
			return blank(title) && blank(summary) && blank(happening) && blank(recognise) && blank(advice) && blank(reportHow);
		}

		private static boolean blank(@Nullable String s) {
			return s == null || s.isBlank();
		}
	}
}
