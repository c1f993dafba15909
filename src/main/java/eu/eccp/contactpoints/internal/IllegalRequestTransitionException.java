package eu.eccp.contactpoints.internal;

import eu.eccp.contactpoints.RequestStatus;
import eu.eccp.shared.ConflictException;

/**
 * A transition the request's current state does not allow (acknowledging a withdrawn request, extending
 * a refused preservation...). A {@link ConflictException}, so the web edge answers it 409 once, for all.
 */
public class IllegalRequestTransitionException extends ConflictException {

	private final String action;
	private final RequestStatus status;

	IllegalRequestTransitionException(String action, RequestStatus status, String why) {
		super("Cannot " + action + " a request that is " + status.name().toLowerCase().replace('_', ' ') + ": " + why);
		this.action = action;
		this.status = status;
	}

	public String action() {
		return action;
	}

	public RequestStatus status() {
		return status;
	}
}
