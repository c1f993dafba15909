package eu.eccp.sharing.web;

import eu.eccp.shared.CallerContext;

/** The principal of a TAXII or feed request authenticated with an organisation's token. */
record TaxiiPrincipal(CallerContext caller) implements CallerContext.Principal {

	@Override
	public String toString() {
		return caller.username();
	}
}
