package eu.eccp.contactpoints.internal;

/** What a contact point can act on. */
@eu.eccp.shared.Labelled("capability")
public enum Capability {
	PRESERVATION, TRAFFIC_DATA, SUBSCRIBER_DATA, CONTENT_REMOVAL, ACCOUNT_FREEZE, EMERGENCY_DISCLOSURE
}
