package eu.eccp.contactpoints.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.contactpoints.RequestId;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;

/**
 * Reading urgent requests between organisations: the caller's incoming and outgoing lists and one request in full.
 * Only the requester and the recipient (and platform-wide admins and auditors, read-only, never TLP:RED messages)
 * see a request; for everyone else it does not exist ({@link RequestAccess}). Opening a request is audited. Sending
 * and the transitions are {@link RequestLifecycle}'s, the message thread is {@link RequestThread}'s.
 */
@Service
public class UrgentRequests {

	/** The length limits of a request's texts (the forms show them and their errors name them). */
	public static final Map<String, Integer> LIMITS = Map.ofEntries(Map.entry("requestingAuthority", 300),
			Map.entry("offence", 300), Map.entry("facts", 10_000), Map.entry("dataSought", 5_000),
			Map.entry("relationToOffence", 5_000), Map.entry("custodian", 2_000), Map.entry("necessity", 5_000),
			Map.entry("threatToLife", 5_000), Map.entry("note", 5_000), Map.entry("reason", 5_000), Map.entry("body", 20_000));

	private final RequestRepository requests;
	private final RequestAccess access;
	private final RequestPresentation presentation;
	private final AuditTrail audit;
	private final Clock clock;

	UrgentRequests(RequestRepository requests, RequestAccess access, RequestPresentation presentation, AuditTrail audit,
			Clock clock) {
		this.requests = requests;
		this.access = access;
		this.presentation = presentation;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the caller may send requests (analysts, contact-point officers, coordinators). */
	public static boolean maySend(CallerContext caller) {
		return RequestAccess.maySend(caller);
	}

	@Transactional(readOnly = true)
	public RequestViews.RequestLists lists(CallerContext caller) {
		Instant now = UrgentRequest.now(clock);
		Map<OrganisationId, RequestViews.Party> parties = new HashMap<>();
		return new RequestViews.RequestLists(
				requests.list(caller.organisationId(), false, now, 500).stream()
					.map(r -> presentation.summary(r, "INCOMING", r.requester(), now, parties)).toList(),
				requests.list(caller.organisationId(), true, now, 500).stream()
					.map(r -> presentation.summary(r, "OUTGOING", r.recipient(), now, parties)).toList());
	}

	/** Opens a request: audited as a view. */
	@Transactional
	public RequestViews.RequestView open(CallerContext caller, RequestId id) {
		UrgentRequest request = access.visible(caller, id);
		audit.record(AuditEvent.of("request.viewed", "urgent_request", id));
		return presentation.view(caller, request, UrgentRequest.now(clock));
	}
}
