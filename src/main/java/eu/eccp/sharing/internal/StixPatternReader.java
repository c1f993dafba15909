package eu.eccp.sharing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the observables out of STIX 2.1 patterns: every comparison {@code object:property = 'literal'} (or a number
 * for an AS number) on a property that holds an observable's value. Comparisons on other properties (a wallet's
 * currency) only qualify, and patterns whose comparisons are all of other kinds ({@code MATCHES}, {@code LIKE},
 * {@code !=}) yield nothing.
 */
final class StixPatternReader {

	/** An observable of a pattern, as ECCP's indicator type and the literal value. */
	record Observable(String type, String value) {
	}

	/** Thrown for a pattern that is not one ECCP can read; the message is the rejection's reason code. */
	static final class Unreadable extends Exception {

		Unreadable(String reason) {
			super(reason, null, false, false);
		}
	}

	private static final Pattern COMPARISON = Pattern.compile(
			"([a-z0-9][a-z0-9-]*):([A-Za-z0-9_.'\\-]+)\\s*=\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|(\\d+))");

	private StixPatternReader() {
	}

	static List<Observable> read(String pattern) throws Unreadable {
		String p = pattern.strip();
		if (!p.startsWith("[") || !p.contains("]")) {
			throw new Unreadable("pattern-syntax");
		}
		List<Observable> found = new ArrayList<>();
		Matcher m = COMPARISON.matcher(p);
		String walletCurrency = null;
		List<String> wallets = new ArrayList<>();
		while (m.find()) {
			String object = m.group(1);
			String property = m.group(2).replace("'", "");
			String literal = m.group(3) != null ? unescape(m.group(3)) : m.group(4);
			if (object.equals("eccp-pseudonym")) {
				throw new Unreadable("pseudonymised");
			}
			if (object.equals("cryptocurrency-wallet") && property.equals("currency")) {
				walletCurrency = literal.toUpperCase(Locale.ROOT);
				continue;
			}
			if (object.equals("cryptocurrency-wallet") && property.equals("value")) {
				wallets.add(literal);
				continue;
			}
			String type = type(object, property, literal);
			if (type != null) {
				found.add(new Observable(type, literal));
			}
		}
		for (String wallet : wallets) {
			boolean ethereum = "ETH".equals(walletCurrency) || (walletCurrency == null && wallet.startsWith("0x"));
			found.add(new Observable(ethereum ? "ETHEREUM" : "BITCOIN", wallet));
		}
		if (found.isEmpty()) {
			throw new Unreadable("pattern-no-observable");
		}
		return found;
	}

	/** The ECCP type of an observable given as a STIX Cyber-observable Object (an SCO with a value). */
	static String type(String object, String property, String value) {
		return switch (object + ":" + property) {
			case "url:value" -> "URL";
			case "domain-name:value" -> value.toLowerCase(Locale.ROOT).endsWith(".onion") ? "ONION" : "DOMAIN";
			case "ipv4-addr:value" -> value.contains("/") ? "CIDR" : "IPV4";
			case "ipv6-addr:value" -> value.contains("/") ? "CIDR" : "IPV6";
			case "email-addr:value" -> "EMAIL";
			case "phone-number:value" -> "PHONE";
			case "bank-account:iban" -> "IBAN";
			case "bank-account:bic" -> "BIC";
			case "file:hashes.MD5", "file:hashes.md5" -> "MD5";
			case "file:hashes.SHA-1", "file:hashes.sha1", "file:hashes.SHA1" -> "SHA1";
			case "file:hashes.SHA-256", "file:hashes.sha256", "file:hashes.SHA256" -> "SHA256";
			case "file:hashes.SHA-512", "file:hashes.sha512", "file:hashes.SHA512" -> "SHA512";
			case "autonomous-system:number" -> "ASN";
			default -> null;
		};
	}

	private static String unescape(String literal) {
		return literal.replace("\\'", "'").replace("\\\\", "\\");
	}
}
