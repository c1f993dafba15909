package eu.eccp.awareness.internal;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.Offence;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * What an author sends to write or change an advisory (form or API), as typed.
 *
 * @param countries ISO 3166-1 alpha-2 codes of the affected countries
 * @param expiresOn the last day it applies (ISO date, {@code 2026-12-31}), or empty: until withdrawn
 * @param translations one per language written
 * @param suggestion the suggestion it starts from, if any
 */
public record AdvisoryDraft(
		@Schema(requiredMode = RequiredMode.REQUIRED, implementation = Offence.class) @Nullable String offence,
		@ArraySchema(minItems = 1, schema = @Schema(pattern = "^[A-Z]{2}$", example = "FR")) @Nullable List<String> countries,
		@Schema(format = "date", example = "2026-12-31", description = "the last day it applies; empty: until withdrawn") @Nullable String expiresOn,
		@ArraySchema(minItems = 1) @Nullable List<Translation> translations,
		@Schema(description = "the suggestion it starts from") @Nullable UUID suggestion) {

	/** The advisory in one language, as typed; {@code language} is {@code en}, {@code fr} or {@code de}. */
	public record Translation(
			@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "en", "fr", "de" }) @Nullable String language,
			@Schema(requiredMode = RequiredMode.REQUIRED, minLength = 3, maxLength = 200) @Nullable String title,
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 1000) @Nullable String summary,
			@Schema(maxLength = 5000, description = "what is happening") @Nullable String happening,
			@Schema(maxLength = 5000, description = "how to recognise it") @Nullable String recognise,
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 5000, description = "what to do") @Nullable String advice,
			@Schema(maxLength = 5000, description = "how to report it (the pages add the link to the report form)") @Nullable String reportHow) {

		public boolean isBlank() {
			return blank(title) && blank(summary) && blank(happening) && blank(recognise) && blank(advice) && blank(reportHow);
		}

		private static boolean blank(@Nullable String s) {
			return s == null || s.isBlank();
		}
	}
}
