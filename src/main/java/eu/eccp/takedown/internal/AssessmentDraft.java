package eu.eccp.takedown.internal;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** An analyst's assessment as submitted (form or JSON). */
public record AssessmentDraft(
		@Schema(implementation = ContentCategory.class, requiredMode = RequiredMode.REQUIRED) @Nullable String category,
		@Schema(implementation = Assessment.MediaType.class) @Nullable String mediaType,
		@Schema(minimum = "0", maximum = "100000") @Nullable Integer mediaCount,
		@Schema(description = "the material may show a victim not yet identified") @Nullable Boolean victimIdentification,
		@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 4000, description = "why, in the analyst's words")
		@Nullable String reason) {
}
