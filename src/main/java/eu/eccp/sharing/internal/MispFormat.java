package eu.eccp.sharing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MISP's own rules for the values of a MISP feed, so a MISP instance that adds the feed stores and correlates what
 * ECCP wrote:
 * <ul>
 * <li>{@link #value}: an attribute's value as MISP stores it (MISP's {@code AttributeValidationTool::
 * modifyBeforeValidation} for the types ECCP writes: e-mail addresses, hashes and domains lower case, domains without
 * leading or trailing dots, a {@code /32} or {@code /128} range as the address itself, IBAN and BIC upper case without
 * separators, phone numbers as {@code +} and digits, AS numbers without {@code AS});</li>
 * <li>{@link #hashes}: the lines an attribute gives {@code hashes.csv}, as MISP computes them when it caches a feed from
 * its event files ({@code Feed::__cacheMISPFeedEvents}): the MD5 of the value, of each half of a composite value
 * ({@code domain|ip}; only the first of {@code ip-dst|port}, {@code ip-src|port}, {@code hostname|port}), none for a
 * type MISP does not correlate ({@code comment}, {@code port}...). MISP's quick cache reads {@code hashes.csv} instead
 * of the events, so the two must agree.</li>
 * </ul>
 */
final class MispFormat {

	/** MISP's {@code MispAttribute::NON_CORRELATING_TYPES}. */
	static final Set<String> NON_CORRELATING = Set.of("comment", "http-method", "aba-rtn", "gender", "counter", "integer",
			"float", "port", "nationality", "cortex", "boolean", "anonymised");

	/** MISP's {@code MispAttribute::PRIMARY_ONLY_CORRELATING_TYPES}: only the first half of the value correlates. */
	static final Set<String> PRIMARY_ONLY = Set.of("ip-src|port", "ip-dst|port", "hostname|port");

	private MispFormat() {
	}

	/** The value as MISP stores an attribute of that type. */
	static String value(String mispType, String value) {
		return switch (mispType) {
			case "email", "email-src", "email-dst", "md5", "sha1", "sha256", "sha512", "hostname" ->
				value.toLowerCase(Locale.ROOT);
			case "domain" -> trimDots(value.toLowerCase(Locale.ROOT));
			case "ip-src", "ip-dst" -> ip(value);
			case "iban", "bic" -> value.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]+", "");
			case "phone-number" -> {
				String v = value.startsWith("00") ? "+" + value.substring(2) : value;
				yield v.replace("(0)", "").replaceAll("[^+0-9]+", "");
			}
			case "AS" -> value.regionMatches(true, 0, "AS", 0, 2) ? value.substring(2) : value;
			default -> value;
		};
	}

	/** The MD5 hashes (lower-case hex) MISP keeps for an attribute of that type and (stored) value. */
	static List<String> hashes(String mispType, String value) {
		if (NON_CORRELATING.contains(mispType)) {
			return List.of();
		}
		if (mispType.contains("|")) {
			int bar = value.indexOf('|');
			if (bar >= 0) {
				String first = value.substring(0, bar);
				return PRIMARY_ONLY.contains(mispType) ? List.of(md5(first))
						: List.of(md5(first), md5(value.substring(bar + 1)));
			}
		}
		return List.of(md5(value));
	}

	static String md5(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String trimDots(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && value.charAt(start) == '.') {
			start++;
		}
		while (end > start && value.charAt(end - 1) == '.') {
			end--;
		}
		return value.substring(start, end);
	}

	/** MISP's {@code normalizeIp}: a single-address range as the address (ECCP's addresses are already compressed). */
	private static String ip(String value) {
		int slash = value.indexOf('/');
		if (slash > 0) {
			String range = value.substring(slash + 1);
			String address = value.substring(0, slash);
			if ((range.equals("32") && address.contains(".")) || (range.equals("128") && address.contains(":"))) {
				return address;
			}
		}
		return value;
	}
}
