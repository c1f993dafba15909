package eu.eccp.hosting.internal;

/** The datasets {@code ip-data import} understands, and what their ranges say. */
@eu.eccp.shared.Labelled(shown = false)
enum IpDataFormat {

	/** A regional internet registry's delegated statistics ({@code delegated-ripencc-extended-latest}...): countries. */
	RIR_DELEGATED(Kind.COUNTRY),
	/** An ip-location-db IP-to-country CSV ({@code start,end,country}). */
	IP_LOCATION_DB_COUNTRY(Kind.COUNTRY),
	/** An ip-location-db IP-to-ASN CSV ({@code start,end,asn,organisation}). */
	IP_LOCATION_DB_ASN(Kind.ASN);

	final Kind kind;

	IpDataFormat(Kind kind) {
		this.kind = kind;
	}

	@eu.eccp.shared.Labelled(shown = false)
	enum Kind {
		COUNTRY, ASN
	}
}
