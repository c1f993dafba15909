package eu.eccp.training.internal;

import org.jspecify.annotations.Nullable;

/** A need as a national unit enters it (API payload and form). */
public record NeedDraft(@Nullable Integer year, @Nullable String role, @Nullable String level, @Nullable Integer officials,
		@Nullable String priority) {
}
