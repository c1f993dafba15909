package eu.eccp.sharing.internal;

import java.util.Locale;

/** STIX 2.1 patterns for ECCP's indicator types (values are canonical already: see the indicators module). */
final class StixPatterns {

	private StixPatterns() {
	}

	/** The STIX observable type an ECCP indicator type is expressed as. */
	static String observableType(String type) {
		return switch (type) {
			case "URL" -> "url";
			case "DOMAIN", "ONION" -> "domain-name";
			case "IPV4" -> "ipv4-addr";
			case "IPV6" -> "ipv6-addr";
			case "CIDR" -> "ipv4-addr";
			case "EMAIL" -> "email-addr";
			case "PHONE" -> "phone-number";
			case "IBAN", "BIC" -> "bank-account";
			case "BITCOIN", "ETHEREUM" -> "cryptocurrency-wallet";
			case "MD5", "SHA1", "SHA256", "SHA512" -> "file";
			case "ASN" -> "autonomous-system";
			default -> throw new IllegalArgumentException("no STIX form for indicator type " + type);
		};
	}

	static String of(String type, String value) {
		String v = literal(value);
		return switch (type) {
			case "URL" -> "[url:value = " + v + "]";
			case "DOMAIN", "ONION" -> "[domain-name:value = " + v + "]";
			case "IPV4" -> "[ipv4-addr:value = " + v + "]";
			case "IPV6" -> "[ipv6-addr:value = " + v + "]";
			case "CIDR" -> value.contains(":") ? "[ipv6-addr:value = " + v + "]" : "[ipv4-addr:value = " + v + "]";
			case "EMAIL" -> "[email-addr:value = " + v + "]";
			case "PHONE" -> "[phone-number:value = " + v + "]";
			case "IBAN" -> "[bank-account:iban = " + v + "]";
			case "BIC" -> "[bank-account:bic = " + v + "]";
			case "BITCOIN" -> "[cryptocurrency-wallet:value = " + v + " AND cryptocurrency-wallet:currency = 'BTC']";
			case "ETHEREUM" -> "[cryptocurrency-wallet:value = " + v + " AND cryptocurrency-wallet:currency = 'ETH']";
			case "MD5" -> "[file:hashes.MD5 = " + v + "]";
			case "SHA1" -> "[file:hashes.'SHA-1' = " + v + "]";
			case "SHA256" -> "[file:hashes.'SHA-256' = " + v + "]";
			case "SHA512" -> "[file:hashes.'SHA-512' = " + v + "]";
			case "ASN" -> "[autonomous-system:number = " + Long.parseLong(value.toUpperCase(Locale.ROOT).replace("AS", "")) + "]";
			default -> throw new IllegalArgumentException("no STIX form for indicator type " + type);
		};
	}

	static String pseudonym(String hex, String ofType) {
		return "[eccp-pseudonym:value = '" + hex + "' AND eccp-pseudonym:of_type = '" + ofType + "']";
	}

	/** A STIX pattern string literal: quotes and backslashes escaped. */
	static String literal(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}
}
