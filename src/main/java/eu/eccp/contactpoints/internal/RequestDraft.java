package eu.eccp.contactpoints.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import eu.eccp.contactpoints.RequestKind;

/**
 * A request as sent (API payload; the form is turned into one). {@code recipient} is the receiving
 * organisation's id or short name, {@code kind} one of {@link eu.eccp.contactpoints.RequestKind}. Which
 * fields are required depends on the kind: a preservation needs the relation to the offence, the
 * custodian, the necessity and whether a mutual-legal-assistance request will follow (Art. 29); a
 * disclosure the relation to the offence; an emergency the risk to life; all but mutual assistance at
 * least one identifier.
 */
public record RequestDraft(
		@Schema(requiredMode = RequiredMode.REQUIRED, description = "the recipient organisation's id or short name")
		@Nullable String recipient,
		@Schema(implementation = RequestKind.class, requiredMode = RequiredMode.REQUIRED) @Nullable String kind,
		@Nullable Boolean urgent,
		@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 300) @Nullable String requestingAuthority,
		@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 300, description = "the offence investigated, in words")
		@Nullable String offence,
		@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 10_000) @Nullable String facts,
		@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 5_000) @Nullable String dataSought,
		@Schema(maxLength = 5_000, description = "required for PRESERVATION and DISCLOSURE") @Nullable String relationToOffence,
		@Schema(maxLength = 2_000, description = "required for PRESERVATION") @Nullable String custodian,
		@Schema(maxLength = 5_000, description = "required for PRESERVATION") @Nullable String necessity,
		@Schema(description = "required for PRESERVATION: whether a mutual-assistance request will follow")
		@Nullable Boolean mlaFollowUp,
		@Schema(maxLength = 5_000, description = "required for EMERGENCY") @Nullable String threatToLife,
		@Schema(format = "uuid", description = "an earlier request this one follows up") @Nullable String relatedRequest,
		@Schema(description = "at least one, except for MUTUAL_ASSISTANCE") @Nullable List<IdentifierInput> identifiers) {
}
