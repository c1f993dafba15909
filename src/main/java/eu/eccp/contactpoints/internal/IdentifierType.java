package eu.eccp.contactpoints.internal;

/** The kinds of identifier an urgent request can concern. */
@eu.eccp.shared.Labelled("identifiertype")
public enum IdentifierType {
	/** An account (user name, customer number) at a service, given with the service. */
	ACCOUNT,
	/** An IPv4 or IPv6 address, with the moment it was seen and the time zone of that moment. */
	IP_ADDRESS,
	URL,
	PHONE,
	EMAIL
}
