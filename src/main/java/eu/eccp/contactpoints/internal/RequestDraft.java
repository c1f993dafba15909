package eu.eccp.contactpoints.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request as sent (API payload; the form is turned into one). {@code recipient} is the receiving
 * organisation's id or short name, {@code kind} one of {@link eu.eccp.contactpoints.RequestKind}. Which
 * fields are required depends on the kind: a preservation needs the relation to the offence, the
 * custodian, the necessity and whether a mutual-legal-assistance request will follow (Art. 29); a
 * disclosure the relation to the offence; an emergency the risk to life; all but mutual assistance at
 * least one identifier.
 */
public record RequestDraft(@Nullable String recipient, @Nullable String kind, @Nullable Boolean urgent,
		@Nullable String requestingAuthority, @Nullable String offence, @Nullable String facts,
		@Nullable String dataSought, @Nullable String relationToOffence, @Nullable String custodian,
		@Nullable String necessity, @Nullable Boolean mlaFollowUp, @Nullable String threatToLife,
		@Nullable String relatedRequest, @Nullable List<IdentifierInput> identifiers) {
}
