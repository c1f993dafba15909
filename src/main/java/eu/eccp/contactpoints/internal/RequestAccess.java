package eu.eccp.contactpoints.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import eu.eccp.contactpoints.RequestId;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.Visibility;

/**
 * Who may see and act on an urgent request: only its requester and recipient (and platform-wide admins and auditors,
 * read-only); for everyone else it does not exist (404). Changes load the request locked.
 */
@Component
class RequestAccess {

	/** Who may send requests. */
	static final Role[] SENDERS = { Role.ANALYST, Role.CONTACT_POINT_OFFICER, Role.COORDINATOR };

	/** Who may handle requests received by their organisation. */
	static final Role[] HANDLERS = { Role.ANALYST, Role.CONTACT_POINT_OFFICER, Role.PARTNER, Role.COORDINATOR };

	private final RequestRepository requests;

	RequestAccess(RequestRepository requests) {
		this.requests = requests;
	}

	static boolean maySend(CallerContext caller) {
		return hasAny(caller, SENDERS);
	}

	static boolean mayHandle(CallerContext caller) {
		return hasAny(caller, HANDLERS);
	}

	/** The request if the caller may see it; 404 otherwise. */
	UrgentRequest visible(CallerContext caller, RequestId id) {
		return requests.find(id, Visibility.of(caller)).orElseThrow(() -> new RecordNotFoundException("request"));
	}

	/** The request locked for a change by one of its parties; 404 for everyone else. */
	UrgentRequest party(CallerContext caller, RequestId id) {
		return requests.lockForChange(id)
			.filter(r -> r.requester().equals(caller.organisationId()) || r.recipient().equals(caller.organisationId()))
			.orElseThrow(() -> new RecordNotFoundException("request"));
	}

	/** The request locked for a change by the recipient's handlers; 403 for the requester. */
	UrgentRequest forRecipient(CallerContext caller, RequestId id) {
		UrgentRequest request = party(caller, id);
		if (!request.recipient().equals(caller.organisationId())) {
			throw new AccessDeniedException("only the recipient does this");
		}
		caller.requireAny(HANDLERS);
		return request;
	}

	/** The request locked for a change by the requester's senders; 403 for the recipient. */
	UrgentRequest forRequester(CallerContext caller, RequestId id) {
		UrgentRequest request = party(caller, id);
		if (!request.requester().equals(caller.organisationId())) {
			throw new AccessDeniedException("only the requester does this");
		}
		caller.requireAny(SENDERS);
		return request;
	}

	private static boolean hasAny(CallerContext caller, Role[] roles) {
		for (Role role : roles) {
			if (caller.has(role)) {
				return true;
			}
		}
		return false;
	}
}
