package eu.eccp.contactpoints.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.contactpoints.RequestKind;
import eu.eccp.contactpoints.RequestStatus;

/** What the API and the pages show of urgent requests. */
public final class RequestViews {

	private RequestViews() {
	}

	/** An organisation taking part in a request. */
	public record Party(UUID id, String name, String country) {
	}

	/**
	 * One request in full, as the caller may see it.
	 *
	 * @param direction {@code OUTGOING} for the requester, {@code INCOMING} for the recipient,
	 *        {@code OVERSIGHT} for platform-wide admins and auditors
	 * @param actions what the caller may do now
	 * @param origin what on the platform it was opened from (a takedown item), if anything
	 */
	public record RequestView(UUID id, String reference, RequestKind kind, boolean urgent, RequestStatus status,
			String direction, Party requester, Party recipient, RequestDetails details, List<Identifier> identifiers,
			Instant sentAt, Instant acknowledgeDue, Instant fulfilDue, @Nullable Instant acknowledgedAt,
			@Nullable Instant startedAt, @Nullable Instant closedAt, @Nullable String outcomeNote,
			@Nullable String refusalReason, @Nullable Instant preservedUntil, int extensions,
			@Nullable Instant escalatedAt, @Nullable String escalatedTo, boolean acknowledgementOverdue,
			boolean fulfilmentOverdue, boolean preservationLapsed, List<UrgentRequest.Action> actions,
			eu.eccp.contactpoints.PreservationRequests.@Nullable Origin origin) {

		public boolean escalated() {
			return escalatedAt != null;
		}

		public boolean may(String action) {
			return actions.stream().anyMatch(a -> a.name().equals(action));
		}
	}

	/** A line of the incoming or outgoing list. */
	public record RequestSummary(UUID id, String reference, RequestKind kind, boolean urgent, RequestStatus status,
			String direction, Party counterpart, Instant sentAt, Instant acknowledgeDue, Instant fulfilDue,
			@Nullable Instant preservedUntil, boolean acknowledgementOverdue, boolean fulfilmentOverdue,
			boolean escalated) {

		public boolean flagged() {
			return acknowledgementOverdue || fulfilmentOverdue || (escalated && status.isOpen());
		}
	}

	/** Both directions of the caller's organisation. */
	public record RequestLists(List<RequestSummary> incoming, List<RequestSummary> outgoing) {
	}

	public record AttachmentView(UUID id, String fileName, String contentType, long sizeBytes, String sha256) {
	}

	public record MessageView(UUID id, Party author, String authorName, String tlp, String body, Instant createdAt,
			List<AttachmentView> attachments) {
	}
}
