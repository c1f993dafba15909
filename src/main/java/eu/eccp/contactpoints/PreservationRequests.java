package eu.eccp.contactpoints;

import java.time.Instant;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;

/**
 * Urgent expedited-preservation requests (Budapest Convention Art. 29) other modules open for content they handle:
 * takedown asks an illegal item's host to preserve the evidence before it removes the content (Regulation (EU)
 * 2021/784 Art. 6). The request is an ordinary urgent request of this module (same validation, deadlines,
 * escalation, thread, audit and notices), sent by the caller's organisation to the custodian's contact point,
 * with a link back to what it was opened from.
 */
public interface PreservationRequests {

	/**
	 * Sends the request (the caller must be allowed to send urgent requests: analysts, contact-point officers,
	 * coordinators). Fails with {@link eu.eccp.shared.InvalidRequestException} (fields {@code recipient},
	 * {@code offence}, {@code facts}, {@code necessity}, {@code identifiers}...) when the custodian has no directory
	 * entry or a text is missing or too long.
	 */
	SentRequest requestPreservation(CallerContext caller, ContentPreservation preservation);

	/**
	 * What to preserve and why.
	 *
	 * @param custodian the organisation holding the data (the host)
	 * @param url the address of the content, validated as a URL identifier
	 * @param offence the offence investigated, in words
	 * @param facts a summary of the facts
	 * @param dataSought what is to be preserved
	 * @param relationToOffence how the data relates to the offence
	 * @param necessity why preservation is needed now
	 * @param mlaFollowUp whether a mutual-assistance request will follow
	 * @param origin what on the platform the request comes from, shown on it with a link back
	 */
	record ContentPreservation(OrganisationId custodian, String url, String offence, String facts, String dataSought,
			String relationToOffence, String necessity, boolean mlaFollowUp, Origin origin) {
	}

	/** What a request was opened from: a takedown item (its id, and the platform path of its page). */
	record Origin(Kind kind, String reference, String link) {

		@eu.eccp.shared.Labelled("requests.origin")
		public enum Kind {
			TAKEDOWN_ITEM
		}
	}

	/** The request as sent: its id, reference and acknowledgement deadline. */
	record SentRequest(RequestId id, String reference, Instant acknowledgeDue) {
	}
}
