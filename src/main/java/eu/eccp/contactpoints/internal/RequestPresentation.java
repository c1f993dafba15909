package eu.eccp.contactpoints.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;

/**
 * Turns requests and their messages into what the caller sees: parties by name and country, the direction from the
 * caller's side, overdue flags at a moment, the actions the caller may take now, and what a request was opened from.
 */
@Component
class RequestPresentation {

	private final RequestRepository requests;
	private final Organisations organisations;

	RequestPresentation(RequestRepository requests, Organisations organisations) {
		this.requests = requests;
		this.organisations = organisations;
	}

	RequestViews.RequestView view(CallerContext caller, UrgentRequest request, Instant now) {
		UrgentRequest.State s = request.state();
		boolean outgoing = s.requester().equals(caller.organisationId());
		boolean incoming = s.recipient().equals(caller.organisationId());
		List<UrgentRequest.Action> actions = new ArrayList<>();
		if (outgoing && RequestAccess.maySend(caller)) {
			actions.addAll(request.requesterActions(now));
		}
		if (incoming && RequestAccess.mayHandle(caller)) {
			actions.addAll(request.recipientActions());
		}
		Map<OrganisationId, RequestViews.Party> parties = new HashMap<>();
		return new RequestViews.RequestView(s.id().value(), s.reference(), s.kind(), s.urgent(), s.status(),
				outgoing ? "OUTGOING" : incoming ? "INCOMING" : "OVERSIGHT", party(s.requester(), parties),
				party(s.recipient(), parties), s.details(), s.identifiers(), s.sentAt(), s.acknowledgeDue(),
				s.fulfilDue(), s.acknowledgedAt(), s.startedAt(), s.closedAt(), s.outcomeNote(), s.refusalReason(),
				s.preservedUntil(), s.extensions(), s.escalatedAt(), s.escalatedTo(),
				request.isAcknowledgementOverdue(now), request.isFulfilmentOverdue(now),
				request.hasPreservationLapsed(now), actions, requests.origin(s.id()).orElse(null));
	}

	/** A line of a list: {@code counterpart} is the other organisation from the caller's side. */
	RequestViews.RequestSummary summary(UrgentRequest request, String direction, OrganisationId counterpart, Instant now,
			Map<OrganisationId, RequestViews.Party> parties) {
		UrgentRequest.State s = request.state();
		return new RequestViews.RequestSummary(s.id().value(), s.reference(), s.kind(), s.urgent(), s.status(), direction,
				party(counterpart, parties), s.sentAt(), s.acknowledgeDue(), s.fulfilDue(), s.preservedUntil(),
				request.isAcknowledgementOverdue(now), request.isFulfilmentOverdue(now), s.escalatedAt() != null);
	}

	RequestViews.MessageView message(RequestMessageRepository.StoredMessage message,
			Map<OrganisationId, RequestViews.Party> parties) {
		return new RequestViews.MessageView(message.id(), party(message.authorOrg(), parties), message.authorName(),
				message.tlp().label(), message.body(), message.createdAt(), message.attachments());
	}

	/** An organisation as a party (looked up once per {@code cache}). */
	RequestViews.Party party(OrganisationId id, Map<OrganisationId, RequestViews.Party> cache) {
		return cache.computeIfAbsent(id, key -> organisations.find(key)
			.map(o -> new RequestViews.Party(o.id().value(), o.name(), o.country().value()))
			.orElse(new RequestViews.Party(key.value(), "?", "")));
	}

	/** An organisation's name for a notice ("?" when it is gone). */
	String name(OrganisationId id) {
		return organisations.find(id).map(OrganisationView::name).orElse("?");
	}
}
