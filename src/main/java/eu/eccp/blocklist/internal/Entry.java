package eu.eccp.blocklist.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;

/**
 * A block-list entry as stored, with the rules of its life: approval by a second person with the block-list
 * role (four-eyes), withdrawal, expiry.
 */
record Entry(UUID id, String referenceCode, @Nullable String sourceItem, String url, String expression,
		byte[] expressionHash, int hostKey, boolean wholeHost, String host, String category, String reasonCode,
		String stopTextEn, String stopTextFr, String stopTextDe, EntryStatus status, UserId proposedBy,
		OrganisationId proposedByOrg, Instant proposedAt, @Nullable UserId decidedBy, @Nullable Instant decidedAt,
		@Nullable Instant endedAt, @Nullable String endReason, Set<String> countries, int checksGone,
		@Nullable Instant lastCheckedAt, @Nullable Instant lastSeenOnline) {

	/** Checks that the caller may approve or reject: a block-list officer who did not propose it. */
	void requireDecidableBy(CallerContext caller) {
		caller.requireAny(Role.BLOCKLIST_OFFICER);
		if (caller.userId().equals(proposedBy)) {
			throw new AccessDeniedException("four-eyes: the proposer cannot approve their own proposal");
		}
		if (status != EntryStatus.PROPOSED) {
			throw new ConflictException("the entry is " + status + ", not PROPOSED");
		}
	}

	void requireWithdrawable(CallerContext caller) {
		caller.requireAny(Role.BLOCKLIST_OFFICER);
		if (status != EntryStatus.PUBLISHED) {
			throw new ConflictException("only a published entry can be withdrawn; this one is " + status);
		}
	}

	String stopText(String language) {
		return switch (language) {
			case "fr" -> stopTextFr;
			case "de" -> stopTextDe;
			default -> stopTextEn;
		};
	}
}
