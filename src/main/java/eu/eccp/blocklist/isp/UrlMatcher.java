package eu.eccp.blocklist.isp;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * Looks URLs up in a {@link HashedBlockList}: canonicalises the URL, forms each of its host-suffix /
 * path-prefix expressions ({@link UrlExpressions}) as slices of the canonical host and path bytes, hashes it
 * and probes the list — under a host only when the list has an entry with that host's key (one SHA-256 of
 * the host spares the up to six of its paths). Not thread-safe (it reuses one digest and buffer): one matcher per thread.
 */
public final class UrlMatcher {

	/** The answer for a URL that no entry covers. */
	public static final long NOT_BLOCKED = -1;

	private final HashedBlockList list;

	private final MessageDigest sha256 = ExpressionHash.sha256();

	private final byte[] digest = new byte[32];

	private static final byte[] QUESTION_MARK = { '?' };

	private byte[] expression = new byte[256];

	private final int[] hostStarts = new int[UrlExpressions.MAX_HOSTS];

	private final int[] dotsFromEnd = new int[5];

	public UrlMatcher(HashedBlockList list) {
		this.list = list;
	}

	public HashedBlockList list() {
		return list;
	}

	/** The reference code of the entry blocking the URL, or {@link #NOT_BLOCKED}. */
	public long check(String url) {
		byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
		return check(bytes, 0, bytes.length);
	}

	public long check(byte[] url, int offset, int length) {
		if (list.size() == 0) {
			return NOT_BLOCKED;
		}
		UrlCanonicalizer.Parts parts = UrlCanonicalizer.parts(url, offset, length);
		byte[] host = parts.host();
		int hosts = hostStarts(host, parts.ipAddress());
		byte[] path = parts.path();
		byte[] query = parts.query();
		for (int h = 0; h < hosts; h++) {
			int hostStart = hostStarts[h];
			// the host's own hash first: no entry under this host, no path to try
			if (!list.mayHaveHost(hostKey(host, hostStart))) {
				continue;
			}
			if (query != null) {
				int n = put(0, host, hostStart, host.length - hostStart);
				n = put(n, path, 0, path.length);
				n = put(n, QUESTION_MARK, 0, 1);
				n = put(n, query, 0, query.length);
				int found = probe(n);
				if (found >= 0) {
					return list.referenceCode(found);
				}
			}
			int found = probe(host, hostStart, path, path.length);
			if (found >= 0) {
				return list.referenceCode(found);
			}
			// directory prefixes: "/", "/a/", "/a/b/", "/a/b/c/", except the whole path (done above)
			int prefixes = 0;
			for (int i = 0; i < path.length && prefixes < UrlExpressions.MAX_PREFIXES; i++) {
				if (path[i] == '/') {
					prefixes++;
					if (i + 1 != path.length) {
						found = probe(host, hostStart, path, i + 1);
						if (found >= 0) {
							return list.referenceCode(found);
						}
					}
				}
			}
		}
		return NOT_BLOCKED;
	}

	/** Where each host suffix starts in the host's bytes: 0, then the last five components minus 1, 2, 3, 4. */
	private int hostStarts(byte[] host, boolean ip) {
		hostStarts[0] = 0;
		if (ip) {
			return 1;
		}
		int count = 1;
		int[] dotsFromEnd = this.dotsFromEnd;
		int dots = 0;
		for (int i = host.length - 1; i >= 0 && dots < 5; i--) {
			if (host[i] == '.') {
				dotsFromEnd[dots++] = i;
			}
		}
		// dotsFromEnd[k] + 1 starts the suffix of k + 1 components; try those of 5 (at most) down to 2
		// components that are shorter than the host itself
		int longest = dots == 5 ? 4 : dots - 1;
		for (int k = longest; k >= 1; k--) {
			hostStarts[count++] = dotsFromEnd[k] + 1;
		}
		return count;
	}

	private int probe(byte[] host, int hostStart, byte[] path, int pathLength) {
		int n = put(0, host, hostStart, host.length - hostStart);
		return probe(put(n, path, 0, pathLength));
	}

	/** Appends to the expression buffer (grown when needed); returns the new length. */
	private int put(int at, byte[] bytes, int from, int length) {
		if (at + length > expression.length) {
			expression = java.util.Arrays.copyOf(expression, Math.max(2 * expression.length, at + length));
		}
		System.arraycopy(bytes, from, expression, at, length);
		return at + length;
	}

	private int hostKey(byte[] host, int hostStart) {
		sha256.update(host, hostStart, host.length - hostStart);
		try {
			sha256.digest(digest, 0, 32);
		}
		catch (DigestException e) {
			throw new IllegalStateException(e);
		}
		return ExpressionHash.hostKey(digest);
	}

	private int probe(int length) {
		sha256.update(expression, 0, length);
		try {
			sha256.digest(digest, 0, 32);
		}
		catch (DigestException e) {
			throw new IllegalStateException(e);
		}
		return list.indexOf(HashedBlockList.readLong(digest, 0), HashedBlockList.readLong(digest, 8),
				HashedBlockList.readLong(digest, 16), HashedBlockList.readLong(digest, 24));
	}
}
