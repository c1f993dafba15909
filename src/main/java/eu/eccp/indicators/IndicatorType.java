package eu.eccp.indicators;

/** The kinds of observable the extractor recognises. */
@eu.eccp.shared.Labelled("indicatortype")
public enum IndicatorType {

	/** An absolute URL with a host that is a registrable domain, an IP address or a Tor onion service. */
	URL,
	/** A domain name under a public suffix (punycode, lower case). */
	DOMAIN,
	/** An IPv4 address in dotted decimal. */
	IPV4,
	/** An IPv6 address in RFC 5952 form. */
	IPV6,
	/** An IPv4 or IPv6 range written as address/prefix. */
	CIDR,
	/** An e-mail address; the domain is lower-cased, the local part kept as written. */
	EMAIL,
	/** A phone number in E.164. */
	PHONE,
	/** An international bank account number (ISO 13616), without spaces. */
	IBAN,
	/** A bank identifier code (ISO 9362). */
	BIC,
	/** A bitcoin address (base58check or bech32/bech32m). */
	BITCOIN,
	/** An Ethereum address, lower-case hex with 0x. */
	ETHEREUM,
	/** A Tor v3 onion service address. */
	ONION,
	MD5,
	SHA1,
	SHA256,
	SHA512,
	/** An autonomous system number, as AS followed by the number. */
	ASN,
	/** A Luhn-valid payment card number, only ever given masked (and as a keyed hash). */
	PAYMENT_CARD;

	/**
	 * Whether a value of this type points at a person (GDPR personal data) rather than at infrastructure:
	 * e-mail addresses, phone numbers, bank accounts and payment cards. Only law enforcement learns how many
	 * records other organisations hold for such a value (see the README, "Who sees counts").
	 */
	public boolean identifiesPerson() {
		return this == EMAIL || this == PHONE || this == IBAN || this == PAYMENT_CARD;
	}
}
