package eu.eccp.indicators;

/**
 * How a record carries a value it did not state itself: a value derived from one of its indicators (the
 * host or registrable domain of a URL, the domain of an e-mail address) or found by containment (an address
 * in a reported range). Each relation weighs less than an exact match, and a link between two records is as
 * strong as the weaker of the two ways they carry the shared value.
 *
 * @param code the value stored for it (larger is weaker); never reused
 * @param weight how much a link of this kind counts next to an exact match (1.0)
 */
public enum Relation {

	/** The host of a URL (a domain name, an IP address or an onion service). */
	HOST(1, 0.8),
	/** The domain of an e-mail address. */
	EMAIL_DOMAIN(2, 0.6),
	/**
	 * The registrable domain (one label under a public suffix, the private section of the public suffix list
	 * included) of a URL's host, a sub-domain or an e-mail address's domain.
	 */
	REGISTRABLE_DOMAIN(3, 0.5),
	/** An IP address inside a reported CIDR range (or a range holding a reported address). */
	ADDRESS_IN_RANGE(4, 0.4);

	/** The weight of an exact match. */
	public static final double EXACT_WEIGHT = 1.0;

	private final int code;
	private final double weight;

	Relation(int code, double weight) {
		this.code = code;
		this.weight = weight;
	}

	public int code() {
		return code;
	}

	public double weight() {
		return weight;
	}

	/** The relation stored as {@code code}. */
	public static Relation ofCode(int code) {
		for (Relation relation : values()) {
			if (relation.code == code) {
				return relation;
			}
		}
		throw new IllegalArgumentException("no relation has code " + code);
	}
}
