package eu.eccp.blocklist.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import eu.eccp.blocklist.ProposedEntry;
import eu.eccp.blocklist.isp.ExpressionHash;
import eu.eccp.blocklist.isp.ReferenceCode;
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

	/**
	 * A new proposal for the countries, awaiting a second person's decision: the expression is what gets blocked
	 * (a whole host as {@code host/}), stored with its hash and host key; the stop page's texts are stripped.
	 */
	static Entry proposed(@Nullable String sourceItem, String url, String expression, boolean wholeHost, String host,
			String category, String reasonCode, ProposedEntry.StopPage stopPage, CallerContext proposer, Instant at,
			Set<String> countries) {
		return new Entry(UUID.randomUUID(), ReferenceCode.random(), sourceItem, url, expression, ExpressionHash.of(expression),
				ExpressionHash.hostKey(expression), wholeHost, host, category.strip(), reasonCode.strip(),
				stopPage.en().strip(), stopPage.fr().strip(), stopPage.de().strip(), EntryStatus.PROPOSED,
				proposer.userId(), proposer.organisationId(), at, null, null, null, null, countries, 0, null, null);
	}

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
