package eu.eccp.contactpoints.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import eu.eccp.contactpoints.RequestId;
import eu.eccp.contactpoints.RequestKind;
import eu.eccp.contactpoints.RequestStatus;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * An urgent request from one organisation to another's contact point, guarding its own lifecycle:
 * sent → acknowledged → in progress → fulfilled / partially fulfilled / refused (with a reason), or
 * withdrawn by the requester while open. A preservation is kept until {@link #preservedUntil()}, counted
 * from acknowledgement and again from fulfilment, and may be extended while it lasts. An acknowledgement
 * not given by its deadline escalates, once.
 */
public final class UrgentRequest {

	/** What each side may do, for the UI and the API's {@code actions}. */
	@eu.eccp.shared.Labelled("requests.action")
	public enum Action {
		ACKNOWLEDGE, START, FULFIL, REFUSE, WITHDRAW, EXTEND
	}

	private static final Set<RequestStatus> OPEN = EnumSet.of(RequestStatus.SENT, RequestStatus.ACKNOWLEDGED,
			RequestStatus.IN_PROGRESS);

	private static final Set<RequestStatus> PRESERVING = EnumSet.of(RequestStatus.ACKNOWLEDGED,
			RequestStatus.IN_PROGRESS, RequestStatus.FULFILLED, RequestStatus.PARTIALLY_FULFILLED);

	private final Sent sent;
	private RequestStatus status;
	private @Nullable Instant acknowledgedAt;
	private @Nullable UserId acknowledgedBy;
	private @Nullable Instant startedAt;
	private @Nullable Instant closedAt;
	private @Nullable UserId closedBy;
	private @Nullable String outcomeNote;
	private @Nullable String refusalReason;
	private @Nullable Instant preservedUntil;
	private int extensions;
	private @Nullable Instant remindedFor;
	private @Nullable Instant escalatedAt;
	private @Nullable String escalatedTo;
	private final int version;

	/** Who sends the request, as whom, and to which organisation. */
	record Parties(OrganisationId requester, UserId requesterUser, OrganisationId recipient) {
	}

	/** When the request was sent and by when it is to be acknowledged and fulfilled. */
	record Deadlines(Instant sentAt, Instant acknowledgeDue, Instant fulfilDue) {

		static Deadlines from(Instant sentAt, Duration acknowledgeWithin, Duration fulfilWithin) {
			return new Deadlines(sentAt, sentAt.plus(acknowledgeWithin), sentAt.plus(fulfilWithin));
		}
	}

	/** What was sent: fixed for the request's life. */
	record Sent(RequestId id, String reference, RequestKind kind, boolean urgent, Parties parties, RequestDetails details,
			List<Identifier> identifiers, Deadlines deadlines) {

		Sent {
			identifiers = List.copyOf(identifiers);
		}
	}

	/** How far the recipient has come: acknowledged, started, closed (by whom, with what outcome or refusal). */
	record Progress(RequestStatus status, @Nullable Instant acknowledgedAt, @Nullable UserId acknowledgedBy,
			@Nullable Instant startedAt, @Nullable Instant closedAt, @Nullable UserId closedBy, @Nullable String outcomeNote,
			@Nullable String refusalReason) {

		/** Nothing done yet. */
		static Progress justSent() {
			return new Progress(RequestStatus.SENT, null, null, null, null, null, null, null);
		}
	}

	/** Until when the data is kept, how often that was extended, and for which date a reminder went out. */
	record Preservation(@Nullable Instant until, int extensions, @Nullable Instant remindedFor) {

		static Preservation none() {
			return new Preservation(null, 0, null);
		}
	}

	/** When an overdue acknowledgement was escalated, and to whom. */
	record Escalation(@Nullable Instant at, @Nullable String to) {

		static Escalation none() {
			return new Escalation(null, null);
		}
	}

	/** The state as stored (used by the repository and the presentation), read through the accessors below. */
	record State(Sent sent, Progress progress, Preservation preservation, Escalation escalation, int version) {

		RequestId id() {
			return sent.id();
		}

		String reference() {
			return sent.reference();
		}

		RequestKind kind() {
			return sent.kind();
		}

		boolean urgent() {
			return sent.urgent();
		}

		RequestStatus status() {
			return progress.status();
		}

		OrganisationId requester() {
			return sent.parties().requester();
		}

		UserId requesterUser() {
			return sent.parties().requesterUser();
		}

		OrganisationId recipient() {
			return sent.parties().recipient();
		}

		RequestDetails details() {
			return sent.details();
		}

		List<Identifier> identifiers() {
			return sent.identifiers();
		}

		Instant sentAt() {
			return sent.deadlines().sentAt();
		}

		Instant acknowledgeDue() {
			return sent.deadlines().acknowledgeDue();
		}

		Instant fulfilDue() {
			return sent.deadlines().fulfilDue();
		}

		@Nullable Instant acknowledgedAt() {
			return progress.acknowledgedAt();
		}

		@Nullable UserId acknowledgedBy() {
			return progress.acknowledgedBy();
		}

		@Nullable Instant startedAt() {
			return progress.startedAt();
		}

		@Nullable Instant closedAt() {
			return progress.closedAt();
		}

		@Nullable UserId closedBy() {
			return progress.closedBy();
		}

		@Nullable String outcomeNote() {
			return progress.outcomeNote();
		}

		@Nullable String refusalReason() {
			return progress.refusalReason();
		}

		@Nullable Instant preservedUntil() {
			return preservation.until();
		}

		int extensions() {
			return preservation.extensions();
		}

		@Nullable Instant remindedFor() {
			return preservation.remindedFor();
		}

		@Nullable Instant escalatedAt() {
			return escalation.at();
		}

		@Nullable String escalatedTo() {
			return escalation.to();
		}
	}

	UrgentRequest(State s) {
		this.sent = s.sent();
		this.status = s.status();
		this.acknowledgedAt = s.acknowledgedAt();
		this.acknowledgedBy = s.acknowledgedBy();
		this.startedAt = s.startedAt();
		this.closedAt = s.closedAt();
		this.closedBy = s.closedBy();
		this.outcomeNote = s.outcomeNote();
		this.refusalReason = s.refusalReason();
		this.preservedUntil = s.preservedUntil();
		this.extensions = s.extensions();
		this.remindedFor = s.remindedFor();
		this.escalatedAt = s.escalatedAt();
		this.escalatedTo = s.escalatedTo();
		this.version = s.version();
	}

	/** The current moment as the database keeps it (microseconds), so answers match what is stored. */
	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** A new request, sent now, with its deadlines. */
	static UrgentRequest send(String reference, RequestKind kind, boolean urgent, OrganisationId requester,
			UserId requesterUser, OrganisationId recipient, RequestDetails details, List<Identifier> identifiers,
			Instant at, Duration acknowledgeWithin, Duration fulfilWithin) {
		if (requester.equals(recipient)) {
			throw new IllegalArgumentException("an organisation does not send urgent requests to itself");
		}
		Sent sent = new Sent(RequestId.random(), reference, kind, urgent || kind.alwaysUrgent(),
				new Parties(requester, requesterUser, recipient), details, identifiers,
				Deadlines.from(at, acknowledgeWithin, fulfilWithin));
		return new UrgentRequest(new State(sent, Progress.justSent(), Preservation.none(), Escalation.none(), 0));
	}

	/** The recipient confirms it has the request; a preservation starts being kept from now. */
	public void acknowledge(UserId by, Instant at, Duration preservationPeriod) {
		require(Action.ACKNOWLEDGE, status == RequestStatus.SENT, "only a sent request is acknowledged, once");
		status = RequestStatus.ACKNOWLEDGED;
		acknowledgedAt = at;
		acknowledgedBy = by;
		if (kind() == RequestKind.PRESERVATION) {
			preserveUntil(at.plus(preservationPeriod));
		}
	}

	/** The recipient starts working on an acknowledged request. */
	public void start(Instant at) {
		require(Action.START, status == RequestStatus.ACKNOWLEDGED, "acknowledge it first; work starts once");
		status = RequestStatus.IN_PROGRESS;
		startedAt = at;
	}

	/** The recipient has done what was asked, entirely or in part; a preservation is kept from now. */
	public void fulfil(UserId by, Instant at, boolean partially, @Nullable String note, Duration preservationPeriod) {
		require(Action.FULFIL, status == RequestStatus.ACKNOWLEDGED || status == RequestStatus.IN_PROGRESS,
				"only an acknowledged request is fulfilled");
		status = partially ? RequestStatus.PARTIALLY_FULFILLED : RequestStatus.FULFILLED;
		close(by, at);
		outcomeNote = note;
		if (kind() == RequestKind.PRESERVATION) {
			preserveUntil(at.plus(preservationPeriod));
		}
	}

	/** The recipient will not do it, and says why. */
	public void refuse(UserId by, Instant at, String reason) {
		require(Action.REFUSE, isOpen(), "only an open request is refused");
		Objects.requireNonNull(reason, "reason");
		status = RequestStatus.REFUSED;
		close(by, at);
		refusalReason = reason;
		preservedUntil = null;
	}

	/** The requester no longer needs it. */
	public void withdraw(UserId by, Instant at) {
		require(Action.WITHDRAW, isOpen(), "only an open request is withdrawn");
		status = RequestStatus.WITHDRAWN;
		close(by, at);
		preservedUntil = null;
	}

	/** The requester asks for the data to be kept longer, while the preservation still holds. */
	public void extend(Instant at, Duration period) {
		require(Action.EXTEND, kind() == RequestKind.PRESERVATION, "only preservations are extended");
		require(Action.EXTEND, PRESERVING.contains(status), "the data is not being preserved");
		require(Action.EXTEND, preservedUntil != null && at.isBefore(preservedUntil), "the preservation has lapsed");
		preserveUntil(preservedUntil.plus(period));
		extensions++;
	}

	/**
	 * Escalates an acknowledgement that is overdue at {@code at}; does nothing (and answers false) when it is
	 * not overdue or was escalated before.
	 */
	boolean escalate(Instant at, String toWhom) {
		if (!isAcknowledgementOverdue(at) || escalatedAt != null) {
			return false;
		}
		escalatedAt = at;
		escalatedTo = toWhom;
		return true;
	}

	/** Whether a reminder that the preservation lapses is due at {@code at} and not yet sent. */
	boolean needsExpiryReminder(Instant at, Duration before) {
		return preservedUntil != null && PRESERVING.contains(status) && at.isBefore(preservedUntil)
				&& !at.isBefore(preservedUntil.minus(before)) && !preservedUntil.equals(remindedFor);
	}

	void remindedOfExpiry() {
		remindedFor = preservedUntil;
	}

	public boolean isOpen() {
		return OPEN.contains(status);
	}

	public boolean isAcknowledgementOverdue(Instant at) {
		return status == RequestStatus.SENT && at.isAfter(sent.deadlines().acknowledgeDue());
	}

	public boolean isFulfilmentOverdue(Instant at) {
		return isOpen() && at.isAfter(sent.deadlines().fulfilDue());
	}

	public boolean hasPreservationLapsed(Instant at) {
		return kind() == RequestKind.PRESERVATION && preservedUntil != null && !at.isBefore(preservedUntil);
	}

	/** What the requester's side may do now. */
	public List<Action> requesterActions(Instant at) {
		List<Action> actions = new ArrayList<>();
		if (isOpen()) {
			actions.add(Action.WITHDRAW);
		}
		if (kind() == RequestKind.PRESERVATION && PRESERVING.contains(status) && preservedUntil != null
				&& at.isBefore(preservedUntil)) {
			actions.add(Action.EXTEND);
		}
		return actions;
	}

	/** What the recipient's side may do now. */
	public List<Action> recipientActions() {
		List<Action> actions = new ArrayList<>();
		switch (status) {
			case SENT -> actions.addAll(List.of(Action.ACKNOWLEDGE, Action.REFUSE));
			case ACKNOWLEDGED -> actions.addAll(List.of(Action.START, Action.FULFIL, Action.REFUSE));
			case IN_PROGRESS -> actions.addAll(List.of(Action.FULFIL, Action.REFUSE));
			default -> {
			}
		}
		return actions;
	}

	private void preserveUntil(Instant until) {
		preservedUntil = until;
	}

	private void close(UserId by, Instant at) {
		closedAt = at;
		closedBy = by;
	}

	private void require(Action action, boolean allowed, String why) {
		if (!allowed) {
			throw new IllegalRequestTransitionException(action.name().toLowerCase(), status, why);
		}
	}

	State state() {
		return new State(sent,
				new Progress(status, acknowledgedAt, acknowledgedBy, startedAt, closedAt, closedBy, outcomeNote, refusalReason),
				new Preservation(preservedUntil, extensions, remindedFor), new Escalation(escalatedAt, escalatedTo), version);
	}

	public RequestId id() {
		return sent.id();
	}

	public String reference() {
		return sent.reference();
	}

	public RequestKind kind() {
		return sent.kind();
	}

	public boolean urgent() {
		return sent.urgent();
	}

	public RequestStatus status() {
		return status;
	}

	public OrganisationId requester() {
		return sent.parties().requester();
	}

	public OrganisationId recipient() {
		return sent.parties().recipient();
	}

	/** The party across from {@code side} (the recipient for the requester, the requester for anyone else). */
	OrganisationId otherParty(OrganisationId side) {
		return side.equals(requester()) ? recipient() : requester();
	}

	public @Nullable Instant preservedUntil() {
		return preservedUntil;
	}

	public @Nullable Instant escalatedAt() {
		return escalatedAt;
	}
}
