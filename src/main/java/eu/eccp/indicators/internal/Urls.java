package eu.eccp.indicators.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * URL validation and canonical form: lower-case scheme and host, IDN hosts in punycode, IP hosts in
 * canonical form, default port removed, dot-segments resolved, fragment dropped, percent-encoding
 * normalised (unreserved characters decoded, other escapes upper-case, characters that may not appear
 * raw encoded as UTF-8), an empty path written {@code /}.
 */
public final class Urls {

	/** Schemes recognised in text ({@code hxxp} and friends are refanged before this). */
	static final Set<String> SCHEMES = Set.of("http", "https", "ftp", "ftps", "sftp", "ws", "wss");

	/** The longest authority (user info, host, port) looked at, which keeps failed attempts cheap. */
	static final int MAX_AUTHORITY = 512;

	/**
	 * A canonical URL.
	 *
	 * @param host the host as in the URL (punycode, a dotted-quad address, or an IPv6 address in brackets)
	 * @param registeredDomain the domain under its registry suffix; the address for IP hosts
	 */
	public record Url(String value, String host, String registeredDomain, @Nullable String displayHost,
			boolean homograph, int port) {
	}

	private static final boolean[] PATH_CHARS = new boolean[128];

	static {
		for (char c : ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/").toCharArray()) {
			PATH_CHARS[c] = true;
		}
	}

	private Urls() {
	}

	static int defaultPort(String scheme) {
		return switch (scheme) {
			case "http", "ws" -> 80;
			case "https", "wss" -> 443;
			case "ftp" -> 21;
			case "ftps" -> 990;
			case "sftp" -> 22;
			default -> -1;
		};
	}

	/**
	 * The canonical form of a URL given as scheme and the rest after {@code ://}, or null when its host or
	 * port is not acceptable.
	 */
	public static @Nullable Url canonical(String scheme, String rest) {
		return canonical(scheme, rest, DomainNames::parse);
	}

	/** As {@link #canonical(String, String)}, with host names validated by {@code names}. */
	static @Nullable Url canonical(String scheme, String rest, DomainNames.Parser names) {
		int authorityEnd = authorityEnd(rest);
		if (authorityEnd > MAX_AUTHORITY) {
			return null;
		}
		Authority authority = authority(scheme, rest.substring(0, authorityEnd), names);
		return authority == null ? null : canonical(authority, rest.substring(authorityEnd));
	}

	/** Where the authority of the text after {@code ://} ends: at the first {@code / ? #} or backslash. */
	static int authorityEnd(CharSequence rest) {
		for (int i = 0; i < rest.length(); i++) {
			char c = rest.charAt(i);
			if (c == '/' || c == '?' || c == '#' || c == '\\') {
				return i;
			}
		}
		return rest.length();
	}

	/** A validated authority: scheme, user info, host and port (-1 for the scheme's default). */
	record Authority(String scheme, @Nullable String userInfo, Host host, int port) {
	}

	/** The scheme and authority ({@code [user@]host[:port]}) validated, host names by {@code names}, or null. */
	static @Nullable Authority authority(String scheme, String authority, DomainNames.Parser names) {
		scheme = scheme.toLowerCase(Locale.ROOT);
		if (!SCHEMES.contains(scheme)) {
			return null;
		}
		String userInfo = null;
		int at = authority.lastIndexOf('@');
		if (at >= 0) {
			userInfo = authority.substring(0, at);
			authority = authority.substring(at + 1);
		}
		String hostText;
		String portText = null;
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			if (close < 0) {
				return null;
			}
			hostText = authority.substring(0, close + 1);
			String after = authority.substring(close + 1);
			if (!after.isEmpty()) {
				if (after.charAt(0) != ':') {
					return null;
				}
				portText = after.substring(1);
			}
		}
		else {
			int colon = authority.lastIndexOf(':');
			if (colon >= 0) {
				portText = authority.substring(colon + 1);
				hostText = authority.substring(0, colon);
			}
			else {
				hostText = authority;
			}
		}
		Host host = host(hostText, names);
		if (host == null) {
			return null;
		}
		int port = -1;
		if (portText != null && !portText.isEmpty()) {
			if (portText.length() > 5) {
				return null;
			}
			int p = 0;
			for (int i = 0; i < portText.length(); i++) {
				char c = portText.charAt(i);
				if (c < '0' || c > '9') {
					return null;
				}
				p = p * 10 + (c - '0');
			}
			if (p == 0 || p > 65535) {
				return null;
			}
			port = p == defaultPort(scheme) ? -1 : p;
		}
		return new Authority(scheme, userInfo, host, port);
	}

	/** The canonical URL of a validated authority and what follows it (path, query, fragment). */
	static Url canonical(Authority authority, String tail) {
		int hash = tail.indexOf('#');
		if (hash >= 0) {
			tail = tail.substring(0, hash);
		}
		String path = tail;
		String query = null;
		int question = tail.indexOf('?');
		if (question >= 0) {
			path = tail.substring(0, question);
			query = tail.substring(question + 1);
		}
		path = removeDotSegments(normalisePercentEncoding(path.replace('\\', '/'), false));
		if (path.isEmpty()) {
			path = "/";
		}
		Host host = authority.host();
		StringBuilder url = new StringBuilder(authority.scheme().length() + host.text.length() + tail.length() + 16);
		url.append(authority.scheme()).append("://");
		String userInfo = authority.userInfo();
		if (userInfo != null && !userInfo.isEmpty()) {
			url.append(normalisePercentEncoding(userInfo, false).replace("/", "%2F").replace("@", "%40")).append('@');
		}
		url.append(host.text);
		if (authority.port() >= 0) {
			url.append(':').append(authority.port());
		}
		url.append(path);
		if (query != null && !query.isEmpty()) {
			url.append('?').append(normalisePercentEncoding(query, true));
		}
		encodeTrailingPunctuation(url);
		return new Url(url.toString(), host.text, host.registered, host.display, host.homograph, authority.port());
	}

	record Host(String text, String registered, @Nullable String display, boolean homograph) {
	}

	private static @Nullable Host host(String text, DomainNames.Parser names) {
		if (text.isEmpty()) {
			return null;
		}
		if (text.startsWith("[")) {
			byte[] v6 = IpAddresses.parseIpv6(text, 1, text.length() - 1);
			if (v6 == null) {
				return null;
			}
			String formatted = IpAddresses.formatIpv6(v6);
			return new Host("[" + formatted + "]", formatted, null, false);
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (DomainNames.isAscii(lower) && IpAddresses.endsInNumber(lower)) {
			long v4 = IpAddresses.parseUrlIpv4(lower);
			if (v4 < 0) {
				return null;
			}
			String formatted = IpAddresses.formatIpv4(v4);
			return new Host(formatted, formatted, null, false);
		}
		String name = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
		if (name.endsWith(".onion")) {
			String onion = Onions.canonical(name);
			return onion == null ? null : new Host(onion, Onions.serviceAddress(onion), null, false);
		}
		DomainNames.Domain domain = names.parse(text);
		if (domain == null) {
			return null;
		}
		return new Host(domain.ascii(), domain.registeredDomain(), domain.unicode(), domain.homograph());
	}

	/**
	 * Percent-encoding in its normal form: escapes of unreserved characters decoded, other escapes in upper
	 * case, a {@code %} that starts no escape written {@code %25}, and characters not allowed raw (spaces,
	 * quotes, non-ASCII...) encoded as UTF-8.
	 */
	static String normalisePercentEncoding(String s, boolean query) {
		StringBuilder out = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean plain = c < 128 && c != '%' && (PATH_CHARS[c] || (query && c == '?'));
			if (plain && out == null) {
				continue;
			}
			if (out == null) {
				out = new StringBuilder(s.length() + 16).append(s, 0, i);
			}
			if (plain) {
				out.append(c);
			}
			else if (c == '%') {
				int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
				int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
				if (hi < 0 || lo < 0 || s.charAt(i + 1) >= 128 || s.charAt(i + 2) >= 128) {
					out.append("%25");
					continue;
				}
				char decoded = (char) (hi * 16 + lo);
				if (isUnreserved(decoded)) {
					out.append(decoded);
				}
				else {
					appendEscape(out, decoded);
				}
				i += 2;
			}
			else {
				int cp = s.codePointAt(i);
				if (Character.charCount(cp) == 2) {
					i++;
				}
				byte[] bytes = c < 128 ? new byte[] { (byte) c } : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
				for (byte b : bytes) {
					appendEscape(out, (char) (b & 0xff));
				}
			}
		}
		return out == null ? s : out.toString();
	}

	private static boolean isUnreserved(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
				|| c == '~';
	}

	private static void appendEscape(StringBuilder out, char b) {
		out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
			.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
	}

	/** RFC 3986 section 5.2.4, in one pass over the segments (linear in the path's length). */
	static String removeDotSegments(String path) {
		if (path.indexOf('.') < 0) {
			return path;
		}
		boolean absolute = path.startsWith("/");
		String[] segments = path.split("/", -1);
		java.util.ArrayList<String> out = new java.util.ArrayList<>(segments.length);
		for (int i = absolute ? 1 : 0; i < segments.length; i++) {
			String segment = segments[i];
			boolean last = i == segments.length - 1;
			if (segment.equals(".") || segment.equals("..")) {
				if (segment.equals("..") && !out.isEmpty()) {
					out.remove(out.size() - 1);
				}
				if (last) {
					out.add("");
				}
				continue;
			}
			out.add(segment);
		}
		return (absolute ? "/" : "") + String.join("/", out);
	}

	/** Characters that end a URL in prose and are therefore trimmed from it. */
	static boolean isTrailingPunctuation(char c) {
		return switch (c) {
			case '.', ',', ';', ':', '!', '?', '\'', '"', ')', ']', '}', '>', '*' -> true;
			default -> false;
		};
	}

	/**
	 * Keeps a canonical URL from ending in a character that extraction from prose would trim, by
	 * percent-encoding it, so that extracting the canonical form again yields it unchanged.
	 */
	private static void encodeTrailingPunctuation(StringBuilder url) {
		int end = url.length();
		while (end > 0 && isTrailingPunctuation(url.charAt(end - 1)) && !(url.charAt(end - 1) == ')' && balanced(url, end))) {
			end--;
		}
		if (end == url.length()) {
			return;
		}
		String tail = url.substring(end);
		url.setLength(end);
		for (char c : tail.toCharArray()) {
			appendEscape(url, c);
		}
	}

	/** Whether the ')' at {@code end - 1} closes a '(' inside the URL (Wikipedia-style links). */
	static boolean balanced(CharSequence s, int end) {
		int depth = 0;
		for (int i = 0; i < end; i++) {
			char c = s.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
		}
		return depth >= 0;
	}
}
