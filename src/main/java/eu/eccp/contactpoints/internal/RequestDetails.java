package eu.eccp.contactpoints.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the requesting authority states (Budapest Convention Art. 29 for preservations): who asks, the
 * offence and a summary of the facts, the data sought and its relation to the offence, its custodian or
 * location, why it must be preserved, whether a mutual-legal-assistance request will follow; for
 * emergencies, the risk to life; for a disclosure, the earlier preservation it follows.
 */
public record RequestDetails(String requestingAuthority, String offence, String facts, String dataSought,
		@Nullable String relationToOffence, @Nullable String custodian, @Nullable String necessity,
		@Nullable Boolean mlaFollowUp, @Nullable String threatToLife, @Nullable UUID relatedRequest) {
}
