package eu.eccp.blocklist.isp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host-suffix / path-prefix expressions a canonical URL is looked up under, as Safe Browsing forms
 * them. Hosts: the exact host, and, unless it is an IP address, up to four more formed from its last five
 * components by removing the leading component one at a time, down to two components ({@code a.b.c.d.e.f.g}
 * &rarr; {@code a.b.c.d.e.f.g}, {@code c.d.e.f.g}, {@code d.e.f.g}, {@code e.f.g}, {@code f.g}). Paths: the
 * exact path with its query (when it has one), the exact path without it, and up to four directory prefixes
 * starting at the root, each ending in {@code /} ({@code /1/2.html?param=1} &rarr; {@code /1/2.html?param=1},
 * {@code /1/2.html}, {@code /}, {@code /1/}). An expression is host + path; at most 5 &times; 6 = 30, none
 * twice.
 *
 * <p>So a block-list entry {@code evil.example/} blocks the whole host and its subdomains, {@code
 * host.example/abuse/} every URL under that directory (with at most three directory components), and any
 * other expression that exact URL only.
 */
public final class UrlExpressions {

	/** Hosts tried at most, the exact one included. */
	public static final int MAX_HOSTS = 5;

	/** Directory prefixes tried at most, the root included. */
	public static final int MAX_PREFIXES = 4;

	private UrlExpressions() {
	}

	public static List<String> of(String url) {
		return of(UrlCanonicalizer.canonicalize(url));
	}

	public static List<String> of(CanonicalUrl url) {
		Set<String> out = new LinkedHashSet<>();
		for (String host : hosts(url)) {
			for (String path : paths(url)) {
				out.add(host + path);
			}
		}
		return List.copyOf(out);
	}

	public static List<String> hosts(CanonicalUrl url) {
		List<String> hosts = new ArrayList<>(MAX_HOSTS);
		String host = url.host();
		hosts.add(host);
		if (url.ipAddress()) {
			return hosts;
		}
		String[] parts = host.split("\\.", -1);
		for (int from = Math.max(1, parts.length - MAX_HOSTS); from <= parts.length - 2; from++) {
			hosts.add(String.join(".", java.util.Arrays.copyOfRange(parts, from, parts.length)));
		}
		return hosts;
	}

	public static List<String> paths(CanonicalUrl url) {
		List<String> paths = new ArrayList<>(2 + MAX_PREFIXES);
		String path = url.path();
		if (url.query() != null) {
			paths.add(path + "?" + url.query());
		}
		paths.add(path);
		int prefixes = 0;
		int slash = 0;
		while (slash >= 0 && prefixes < MAX_PREFIXES) {
			String prefix = path.substring(0, slash + 1);
			if (!prefix.equals(path)) {
				paths.add(prefix);
			}
			prefixes++;
			slash = path.indexOf('/', slash + 1);
		}
		return paths;
	}

	/**
	 * Whether a canonical expression blocks more than its exact URL: a whole host ({@code host/}) or a
	 * directory of at most three components ({@code host/a/b/c/}).
	 */
	public static boolean isPrefix(String expression) {
		int slash = expression.indexOf('/');
		if (slash < 0 || !expression.endsWith("/") || expression.indexOf('?') >= 0) {
			return false;
		}
		long components = expression.substring(slash).chars().filter(c -> c == '/').count() - 1;
		return components < MAX_PREFIXES;
	}
}
