package eu.eccp.takedown.internal;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * A notice (Digital Services Act Art. 16) or removal order (Regulation (EU) 2021/784, Annex I) as submitted.
 *
 * @param explanation the substantiated explanation why the content is illegal (notices)
 * @param notifierName the notifier's name (not required for CSAM offences)
 * @param goodFaith the notifier's statement that the notice is accurate and complete, in good faith
 * @param issuingAuthority the competent authority issuing the removal order
 * @param redress how the host and the content provider can challenge the order
 */
public record NoticeDraft(
		@Schema(implementation = StoredNotice.Kind.class, requiredMode = RequiredMode.REQUIRED) @Nullable String kind,
		@Schema(maxLength = 10_000) @Nullable String explanation,
		@Schema(maxLength = 200) @Nullable String notifierName,
		@Schema(format = "email") @Nullable String notifierEmail,
		@Nullable Boolean goodFaith,
		@Schema(allowableValues = { "en", "fr", "de" }, description = "default: the host's declared language")
		@Nullable String language,
		@Schema(maxLength = 300) @Nullable String issuingAuthority,
		@Schema(maxLength = 200) @Nullable String authorityReference,
		@Schema(maxLength = 300) @Nullable String authorityContact,
		@Schema(maxLength = 10_000) @Nullable String reasons,
		@Schema(maxLength = 5_000) @Nullable String redress,
		@Schema(maxLength = 5_000) @Nullable String additionalInformation) {
}
