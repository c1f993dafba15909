package eu.eccp.platform.internal;

import eu.eccp.shared.CallerContext;

/** The principal of a request authenticated with a bearer token. */
record TokenPrincipal(CallerContext caller) implements CallerContext.Principal {

	@Override
	public String toString() {
		return caller.username();
	}
}
