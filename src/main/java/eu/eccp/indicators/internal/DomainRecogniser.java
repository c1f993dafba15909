package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * Finds domain names and onion services in dotted pieces of words, validated by {@link DomainNames} and
 * {@link Onions}: a cheap look at the last label first ({@link #plausibleTld}), then, in prose, the precision
 * checks that keep file names and words run together ({@code readme.md}, {@code System.IO}) out.
 */
final class DomainRecogniser {

	/** Top-level domains that are also common file extensions: {@code report.zip} is taken for a file name. */
	private static final Set<String> FILE_EXTENSION_TLDS = Set.of("zip", "mov", "md", "py", "rs", "sh", "pl", "ps",
			"so", "cs", "mp", "gz");

	private final ScanText t;
	private final char[] s;

	DomainRecogniser(ScanText t) {
		this.t = t;
		this.s = t.s;
	}

	/**
	 * A domain name or an onion service written in {@code s[a, b)} (whose last label may be a top-level domain),
	 * with a port if positive.
	 */
	void name(int a, int b, int port) {
		String candidate = t.str(a, b);
		if (candidate.regionMatches(true, candidate.length() - 6, ".onion", 0, 6)) {
			String onion = Onions.canonical(candidate);
			if (onion != null) {
				t.emit(IndicatorType.ONION, onion, a, b, Map.of(), onion);
			}
			return;
		}
		DomainNames.Domain domain = t.names.parse(candidate);
		if (domain == null) {
			return;
		}
		if (!t.text.defanged(a, b) && !looksLikeAWrittenDomain(candidate, domain)) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put(Indicator.REGISTERED_DOMAIN, domain.registeredDomain());
		if (domain.unicode() != null) {
			details.put(Indicator.DISPLAY_HOST, domain.unicode());
		}
		if (domain.homograph()) {
			details.put(Indicator.HOMOGRAPH, true);
		}
		if (port > 0) {
			details.put(Indicator.PORT, port);
		}
		t.emit(IndicatorType.DOMAIN, domain.ascii(), a, b, details, domain.ascii());
	}

	/**
	 * Whether the last label of {@code s[a, b)} may be a top-level domain: letters (or punycode) of a known
	 * TLD. Checked before any string is built, so dotted words ({@code e.g.}, {@code invoice.pdf}) cost little.
	 */
	boolean plausibleTld(int a, int b) {
		int start = b;
		boolean ascii = true;
		while (start > a && s[start - 1] != '.') {
			start--;
			char c = s[start];
			if (c >= 128) {
				ascii = false;
			}
			else if (!isAsciiLetter(c) && c != '-' && !isDigit(c)) {
				return false;
			}
		}
		if (b - start < 2 || start == a) {
			return false;
		}
		if (!ascii) {
			return true; // an internationalised TLD: IDNA decides
		}
		if (s[start] == 'o' || s[start] == 'O') {
			if (b - start == 5 && t.str(start, b).equalsIgnoreCase("onion")) {
				return true;
			}
		}
		return DomainNames.isTld(t.str(start, b).toLowerCase(Locale.ROOT));
	}

	/**
	 * Precision for bare domain names in prose: a file name ({@code readme.md}, {@code report.zip}) or two
	 * words run together ({@code blocked.The}, {@code System.IO}) is not taken for a domain.
	 */
	private static boolean looksLikeAWrittenDomain(String candidate, DomainNames.Domain domain) {
		String ascii = domain.ascii();
		int lastDot = candidate.lastIndexOf('.');
		String tld = candidate.substring(lastDot + 1);
		// a suffix in one case is written ("bar.com", "bar.COM", "BAR.com"); one in mixed case ("blocked.The")
		// or after a capitalised word ("System.IO", "Foo.Bar.NET") is two words or a name in code
		boolean tldLower = tld.equals(tld.toLowerCase(Locale.ROOT));
		if (!tldLower) {
			if (!tld.equals(tld.toUpperCase(Locale.ROOT))) {
				return false;
			}
			int labelStart = 0;
			for (int i = 0; i <= lastDot; i++) {
				if (i == lastDot || candidate.charAt(i) == '.') {
					if (i - labelStart >= 2 && Character.isUpperCase(candidate.charAt(labelStart))
							&& Character.isLowerCase(candidate.charAt(labelStart + 1))) {
						return false;
					}
					labelStart = i + 1;
				}
			}
		}
		if (ascii.indexOf('.') == ascii.lastIndexOf('.')
				&& FILE_EXTENSION_TLDS.contains(ascii.substring(ascii.lastIndexOf('.') + 1))) {
			return false;
		}
		return true;
	}

	/** Where {@code s[a, b)} starts with the CJK characters cut off its first label where they run into a Latin name. */
	int cjkStart(int a, int b) {
		int firstDot = a;
		while (firstDot < b && s[firstDot] != '.') {
			firstDot++;
		}
		int start = a;
		if (firstDot > a) {
			boolean cjk = isCjk(s[firstDot - 1]);
			start = firstDot - 1;
			while (start > a && isCjk(s[start - 1]) == cjk) {
				start--;
			}
		}
		return start;
	}

	/** Where {@code s[a, b)} ends with the CJK characters cut off its last label where they run into a Latin name. */
	int cjkEnd(int a, int b) {
		int lastDot = b - 1;
		while (lastDot > a && s[lastDot] != '.') {
			lastDot--;
		}
		int end = b;
		if (lastDot < b - 1) {
			boolean cjk = isCjk(s[lastDot + 1]);
			end = lastDot + 2;
			while (end < b && isCjk(s[end]) == cjk) {
				end++;
			}
		}
		return end;
	}
}
