package eu.eccp.blocklist.isp;

import org.jspecify.annotations.Nullable;

/**
 * A URL in canonical form (see {@link UrlCanonicalizer}): scheme, host, path and query, each already
 * percent-escaped the canonical way. {@code query} is null when the URL had no {@code ?}, empty when it
 * ended in one.
 */
public record CanonicalUrl(String scheme, String host, String path, @Nullable String query, boolean ipAddress) {

	/** The canonical URL, e.g. {@code http://www.example.com/a/b.html?x=1}. */
	@Override
	public String toString() {
		return scheme + "://" + host + path + (query == null ? "" : "?" + query);
	}

	/** The most specific expression: host, path and query, without scheme or port. */
	public String exactExpression() {
		return host + path + (query == null ? "" : "?" + query);
	}
}
