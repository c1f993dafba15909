package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

import java.util.LinkedHashMap;
import java.util.Map;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * Finds URLs in scanned text, with a scheme ({@code https://host/path}) or without one ({@code host/path},
 * {@code host:port/path}), and hands them to {@link Urls} for validation and canonical form: where a URL ends in
 * prose, Markdown, AsciiDoc and code (quotes, brackets it did not open, trailing punctuation), and the authority
 * read first, bounded by {@link Urls#MAX_AUTHORITY}, so that a bad URL costs no long scan.
 */
final class UrlRecogniser {

	private final ScanText t;
	private final char[] s;
	private final int n;

	UrlRecogniser(ScanText t) {
		this.t = t;
		this.s = t.s;
		this.n = t.n;
	}

	private boolean urlStop(int i) {
		char c = s[i];
		return (c == ',' || c == ';' || c == '|') && i + 4 < n && (s[i + 1] | 0x20) == 'h' && (s[i + 2] | 0x20) == 't'
				&& (s[i + 3] | 0x20) == 't' && (s[i + 4] | 0x20) == 'p';
	}

	/**
	 * Where a URL starting at {@code start} ends, read on from {@code from}: at the first character that cannot
	 * be in a URL, at a closing bracket the URL did not open ({@code [https://a/b](https://a/b)} in Markdown,
	 * {@code f('https://a/b')} in code), and, when the URL is quoted, at its closing quote
	 * ({@code 'https://a/b','c'}, where the quote itself may be in a URL).
	 */
	private int urlExtent(int start, int from) {
		char quote = start > 0 && (s[start - 1] == '\'' || s[start - 1] == '"' || s[start - 1] == '`') ? s[start - 1] : 0;
		int parens = 0;
		int brackets = 0;
		for (int i = start; i < from; i++) {
			char c = s[i];
			if (c == '[') {
				brackets++;
			}
			else if (c == ']') {
				brackets--;
			}
		}
		int i = from;
		while (i < n) {
			char c = s[i];
			if (c == quote || !isUrlChar(c) || urlStop(i)) {
				break;
			}
			if (c == '(') {
				parens++;
			}
			else if (c == ')') {
				if (--parens < 0) {
					break;
				}
			}
			else if (c == '[') {
				if (!queryKeyBracket(start, i)) {
					break;
				}
				brackets++;
			}
			else if (c == ']') {
				if (--brackets < 0) {
					break;
				}
			}
			i++;
		}
		return i;
	}

	/** Trims the punctuation that ends a URL in prose; a closing bracket stays when the URL opened it. */
	private int trimUrlEnd(int start, int end) {
		int parens = 0;
		int brackets = 0;
		for (int i = start; i < end; i++) {
			char c = s[i];
			if (c == '(') {
				parens++;
			}
			else if (c == ')') {
				parens--;
			}
			else if (c == '[') {
				brackets++;
			}
			else if (c == ']') {
				brackets--;
			}
		}
		while (end > start && Urls.isTrailingPunctuation(s[end - 1])) {
			char c = s[end - 1];
			if (c == ')') {
				if (parens >= 0) {
					break;
				}
				parens++;
			}
			else if (c == ']') {
				if (brackets >= 0) {
					break;
				}
				brackets++;
			}
			end--;
		}
		return end;
	}

	/** A URL whose scheme is {@code s[sp, k)} and {@code s[k, k+3)} is {@code ://}. */
	boolean url(int sp, int k) {
		String scheme = t.str(sp, k);
		int p = k + 3;
		int authorityEnd = p;
		char quote = sp > 0 && (s[sp - 1] == '\'' || s[sp - 1] == '"' || s[sp - 1] == '`') ? s[sp - 1] : 0;
		boolean bracket = false;
		while (authorityEnd < n && authorityEnd - p <= Urls.MAX_AUTHORITY && isUrlChar(s[authorityEnd])
				&& s[authorityEnd] != '/' && s[authorityEnd] != '?' && s[authorityEnd] != '#' && !urlStop(authorityEnd)) {
			char c = s[authorityEnd];
			// an authority holds no parenthesis, and a bracket only around an IPv6 address
			if (c == quote || c == ')' || c == '(' || c == ']' && !bracket || c == '[' && !ipv6Start(p, authorityEnd)) {
				break;
			}
			bracket |= c == '[';
			authorityEnd++;
		}
		if (authorityEnd - p > Urls.MAX_AUTHORITY || authorityEnd == p) {
			return false;
		}
		// the host first (bounded work), the path only for a good host: a bad URL costs no long scan
		int trimmedAuthority = trimUrlEnd(p, authorityEnd);
		Urls.Authority authority = trimmedAuthority == p ? null : Urls.authority(scheme, t.str(p, trimmedAuthority), t.names);
		if (authority == null) {
			return false;
		}
		int end = trimUrlEnd(sp, urlExtent(sp, authorityEnd));
		if (end < authorityEnd && end != trimmedAuthority) {
			authority = Urls.authority(scheme, t.str(p, end), t.names);
			if (authority == null) {
				return false;
			}
		}
		emitUrl(Urls.canonical(authority, end <= authorityEnd ? "" : t.str(authorityEnd, end)), sp, end, false);
		return true;
	}

	/**
	 * Whether a {@code '['} at {@code i} may open an IPv6 literal of the authority starting at {@code p}: at its
	 * start or right after the user information. Anywhere else it ends the URL, as in AsciiDoc's
	 * {@code https://host/path[label]}.
	 */
	private boolean ipv6Start(int p, int i) {
		return i == p || s[i - 1] == '@';
	}

	/**
	 * Whether the {@code '['} at {@code i} opens a key of a query parameter, as PHP and Rails write them
	 * ({@code ?filter[name]=x}, {@code ?ids[]=1}): inside the query, closed within a short word and followed by
	 * {@code '='} or another {@code '['}. Any other bracket in a path ends the URL: AsciiDoc's
	 * {@code https://host/path[label]}, wiki markup.
	 */
	private boolean queryKeyBracket(int start, int i) {
		boolean query = false;
		for (int q = start; q < i; q++) {
			if (s[q] == '?') {
				query = true;
				break;
			}
		}
		if (!query) {
			return false;
		}
		int j = i + 1;
		while (j < n && j - i <= 40 && (isAsciiAlnum(s[j]) || s[j] == '_' || s[j] == '-' || s[j] == '.')) {
			j++;
		}
		return j + 1 < n && s[j] == ']' && (s[j + 1] == '=' || s[j + 1] == '[');
	}

	/** {@code host[:port]/path} without a scheme, the host being {@code s[a, slash)}. */
	boolean schemelessUrl(int a, int slash) {
		int end = trimUrlEnd(a, urlExtent(a, slash));
		if (end <= slash + 1) {
			return false;
		}
		Urls.Url url = Urls.canonical("http", t.str(a, end), t.names);
		if (url == null) {
			return false;
		}
		emitUrl(url, a, end, true);
		return true;
	}

	private void emitUrl(Urls.Url url, int a, int b, boolean schemeAssumed) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put(Indicator.HOST, url.host());
		details.put(Indicator.REGISTERED_DOMAIN, url.registeredDomain());
		if (url.displayHost() != null) {
			details.put(Indicator.DISPLAY_HOST, url.displayHost());
		}
		if (url.homograph()) {
			details.put(Indicator.HOMOGRAPH, true);
		}
		if (url.port() >= 0) {
			details.put(Indicator.PORT, url.port());
		}
		if (schemeAssumed) {
			details.put(Indicator.SCHEME_ASSUMED, true);
		}
		t.emit(IndicatorType.URL, url.value(), a, b, details, url.host());
	}
}
