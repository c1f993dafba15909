package eu.eccp.blocklist.isp;

import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Puts a URL into the canonical form that block-list expressions are computed from, the way Google Safe
 * Browsing canonicalises URLs (its v4 "URL canonicalization" rules, whose published test vectors
 * {@code UrlCanonicalizerTests} passes). The steps, in order, on the URL's UTF-8 bytes:
 *
 * <ol>
 * <li>Remove every tab (0x09), CR (0x0D) and LF (0x0A); remove leading and trailing bytes &le; 0x20.</li>
 * <li>Cut the fragment: everything from the first {@code #}.</li>
 * <li>Percent-decode repeatedly until no {@code %XX} (two hex digits) is left ({@code %2525} &rarr; {@code %}).
 * Done in one linear pass that re-examines the decoded tail, which gives the same result as decoding whole
 * rounds until nothing changes.</li>
 * <li>Scheme: a leading {@code [A-Za-z][A-Za-z0-9+.-]*://} is the scheme (lower-cased); without one the URL
 * is read as {@code http://}. The scheme is not part of any expression.</li>
 * <li>Authority: up to the first {@code /} or {@code ?}. User information (up to the last {@code @}) and the
 * port ({@code :} followed by digits only, or nothing) are removed — any port, default or not.</li>
 * <li>Host: ASCII lower-cased; leading and trailing dots removed, runs of dots made one. A host that
 * reads as an IPv4 address the way {@code inet_aton} reads it (1 to 4 parts, each decimal, octal with a
 * leading {@code 0} or hexadecimal with {@code 0x}; {@code 3279880203}, {@code 0xc3.0177.0.11}) becomes its
 * dotted-quad form. A host of valid UTF-8 with non-ASCII characters is converted to its ASCII (Punycode)
 * form with {@link IDN#toASCII} (an addition to Safe Browsing's rules: browsers send that form);
 * one that is not valid UTF-8 is left as bytes. IPv6 literals keep their brackets.</li>
 * <li>Path: up to the first {@code ?}; empty becomes {@code /}; {@code .} segments are removed, a
 * {@code ..} segment removes itself and the segment before it, empty segments ({@code //}) are removed; the
 * path keeps a trailing {@code /} when it had one or ended in {@code .} or {@code ..}.</li>
 * <li>Query: everything after the first {@code ?}, unchanged (an empty query stays {@code ?}).</li>
 * <li>Escape host, path and query: every byte &le; 0x20 or &ge; 0x7F, and {@code #} and {@code %}, becomes
 * {@code %XX} with upper-case hex digits; every other byte stays as it is.</li>
 * </ol>
 *
 * <p>URLs longer than {@link #MAX_LENGTH} bytes after step 1 are cut there (what is cut off cannot matter
 * to an expression that short). The class is thread-safe and allocates only small arrays per call.
 */
public final class UrlCanonicalizer {

	/** Longest URL (in bytes) looked at; proxies and browsers limit URLs to a few kilobytes too. */
	public static final int MAX_LENGTH = 8192;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private UrlCanonicalizer() {
	}

	public static CanonicalUrl canonicalize(String url) {
		byte[] raw = url.getBytes(StandardCharsets.UTF_8);
		return canonicalize(raw, 0, raw.length);
	}

	public static CanonicalUrl canonicalize(byte[] input, int offset, int length) {
		Parts parts = parts(input, offset, length);
		return new CanonicalUrl(parts.scheme(), latin1(parts.host()), latin1(parts.path()),
				parts.query() == null ? null : latin1(parts.query()), parts.ipAddress());
	}

	private static String latin1(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	/** The canonical URL's escaped parts as bytes (the matcher hashes them without making strings). */
	record Parts(String scheme, byte[] host, byte[] path, byte @Nullable [] query, boolean ipAddress) {
	}

	static Parts parts(byte[] input, int offset, int length) {
		// 1. drop tab, CR, LF; trim; 2. cut the fragment; 3. decode repeatedly — all in one pass into buf
		int start = offset;
		int end = offset + length;
		while (start < end && (input[start] & 0xff) <= 0x20) {
			start++;
		}
		while (end > start && (input[end - 1] & 0xff) <= 0x20) {
			end--;
		}
		byte[] buf = new byte[Math.min(end - start, MAX_LENGTH)];
		int n = 0;
		for (int i = start; i < end && n < buf.length; i++) {
			byte b = input[i];
			if (b == '\t' || b == '\r' || b == '\n') {
				continue;
			}
			if (b == '#') {
				break;
			}
			buf[n++] = b;
			// the tail may now end in %XX (perhaps formed by an earlier decoding): decode it, and again
			while (n >= 3 && buf[n - 3] == '%' && hex(buf[n - 2]) >= 0 && hex(buf[n - 1]) >= 0) {
				buf[n - 3] = (byte) (hex(buf[n - 2]) << 4 | hex(buf[n - 1]));
				n -= 2;
			}
		}

		// 4. scheme
		int pos = 0;
		String scheme = "http";
		int schemeEnd = schemeEnd(buf, n);
		if (schemeEnd > 0) {
			scheme = scheme(buf, schemeEnd);
			pos = schemeEnd + 3;
		}

		// 5. authority
		int authorityEnd = pos;
		while (authorityEnd < n && buf[authorityEnd] != '/' && buf[authorityEnd] != '?') {
			authorityEnd++;
		}
		int hostStart = pos;
		for (int i = authorityEnd - 1; i >= pos; i--) {
			if (buf[i] == '@') {
				hostStart = i + 1;
				break;
			}
		}
		int hostEnd = authorityEnd;
		boolean ipv6 = hostStart < hostEnd && buf[hostStart] == '[';
		int colonSearchFrom = hostStart;
		if (ipv6) {
			for (int i = hostStart; i < hostEnd; i++) {
				if (buf[i] == ']') {
					colonSearchFrom = i;
					break;
				}
			}
		}
		for (int i = hostEnd - 1; i >= colonSearchFrom; i--) {
			if (buf[i] == ':') {
				if (allDigits(buf, i + 1, hostEnd)) {
					hostEnd = i;
				}
				break;
			}
		}

		// 6. host
		byte[] host = normaliseHost(buf, hostStart, hostEnd);
		boolean ip = false;
		if (!ipv6) {
			byte[] ipv4 = ipv4(host);
			if (ipv4 != null) {
				host = ipv4;
				ip = true;
			}
			else {
				host = idn(host);
			}
		}
		else {
			ip = true;
		}

		// 7. path, 8. query
		int queryStart = -1;
		for (int i = authorityEnd; i < n; i++) {
			if (buf[i] == '?') {
				queryStart = i;
				break;
			}
		}
		int pathEnd = queryStart < 0 ? n : queryStart;
		byte[] path = escape(normalisePath(buf, authorityEnd, pathEnd));
		byte[] query = queryStart < 0 ? null : escape(Arrays.copyOfRange(buf, queryStart + 1, n));
		return new Parts(scheme, escape(host), path, query, ip);
	}

	private static String scheme(byte[] buf, int end) {
		if (end == 4 && (buf[0] | 32) == 'h' && (buf[1] | 32) == 't' && (buf[2] | 32) == 't' && (buf[3] | 32) == 'p') {
			return "http";
		}
		if (end == 5 && (buf[0] | 32) == 'h' && (buf[1] | 32) == 't' && (buf[2] | 32) == 't' && (buf[3] | 32) == 'p'
				&& (buf[4] | 32) == 's') {
			return "https";
		}
		return new String(buf, 0, end, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
	}

	private static int schemeEnd(byte[] buf, int n) {
		if (n == 0 || !isAlpha(buf[0])) {
			return -1;
		}
		for (int i = 1; i + 2 < n; i++) {
			byte b = buf[i];
			if (b == ':') {
				return buf[i + 1] == '/' && buf[i + 2] == '/' ? i : -1;
			}
			if (!(isAlpha(b) || (b >= '0' && b <= '9') || b == '+' || b == '.' || b == '-')) {
				return -1;
			}
		}
		return -1;
	}

	private static boolean isAlpha(byte b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
	}

	private static boolean allDigits(byte[] buf, int from, int to) {
		for (int i = from; i < to; i++) {
			if (buf[i] < '0' || buf[i] > '9') {
				return false;
			}
		}
		return true;
	}

	static int hex(byte b) {
		if (b >= '0' && b <= '9') {
			return b - '0';
		}
		if (b >= 'a' && b <= 'f') {
			return b - 'a' + 10;
		}
		if (b >= 'A' && b <= 'F') {
			return b - 'A' + 10;
		}
		return -1;
	}

	/** Lower-case, leading and trailing dots removed, runs of dots made one. */
	private static byte[] normaliseHost(byte[] buf, int from, int to) {
		byte[] out = new byte[to - from];
		int n = 0;
		for (int i = from; i < to; i++) {
			byte b = buf[i];
			if (b == '.') {
				if (n == 0 || out[n - 1] == '.') {
					continue;
				}
			}
			else if (b >= 'A' && b <= 'Z') {
				b = (byte) (b + 32);
			}
			out[n++] = b;
		}
		while (n > 0 && out[n - 1] == '.') {
			n--;
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}

	/** The dotted-quad form of a host that inet_aton would read as an IPv4 address, else null. */
	static byte @Nullable [] ipv4(byte[] host) {
		if (host.length == 0 || host.length > 64 || host[0] < '0' || host[0] > '9') {
			return null;
		}
		long[] parts = new long[4];
		int count = 0;
		int i = 0;
		while (i <= host.length) {
			if (count == 4) {
				return null;
			}
			int partEnd = i;
			while (partEnd < host.length && host[partEnd] != '.') {
				partEnd++;
			}
			if (partEnd == i) {
				return null;
			}
			long value = 0;
			int radix = 10;
			int digitsFrom = i;
			if (partEnd - i >= 2 && host[i] == '0' && (host[i + 1] == 'x' || host[i + 1] == 'X')) {
				radix = 16;
				digitsFrom = i + 2;
			}
			else if (partEnd - i >= 2 && host[i] == '0') {
				radix = 8;
				digitsFrom = i + 1;
			}
			for (int k = digitsFrom; k < partEnd; k++) {
				int d = hex(host[k]);
				if (d < 0 || d >= radix) {
					return null;
				}
				value = value * radix + d;
				if (value > 0xFFFFFFFFL) {
					return null;
				}
			}
			parts[count++] = value;
			i = partEnd + 1;
		}
		long address = 0;
		for (int k = 0; k < count - 1; k++) {
			if (parts[k] > 255) {
				return null;
			}
			address |= parts[k] << (8 * (3 - k));
		}
		long last = parts[count - 1];
		if (last >= 1L << (8 * (5 - count))) {
			return null;
		}
		address |= last;
		String dotted = (address >>> 24) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
				+ (address & 255);
		return dotted.getBytes(StandardCharsets.US_ASCII);
	}

	/** A host of valid UTF-8 with non-ASCII characters in its ASCII form; any other host as it is. */
	private static byte[] idn(byte[] host) {
		boolean ascii = true;
		for (byte b : host) {
			if (b < 0) {
				ascii = false;
				break;
			}
		}
		if (ascii) {
			return host;
		}
		try {
			String unicode = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(host))
				.toString();
			String ascii2 = IDN.toASCII(unicode, IDN.ALLOW_UNASSIGNED).toLowerCase(java.util.Locale.ROOT);
			return ascii2.getBytes(StandardCharsets.US_ASCII);
		}
		catch (CharacterCodingException | IllegalArgumentException e) {
			return host;
		}
	}

	/** Removes {@code .}, {@code ..} and empty segments; keeps a trailing slash. */
	private static byte[] normalisePath(byte[] buf, int from, int to) {
		byte[] out = new byte[to - from + 2];
		int n = 0;
		boolean directory = true;
		int i = from;
		while (i < to) {
			if (buf[i] == '/') {
				directory = true;
				i++;
				continue;
			}
			int segEnd = i;
			while (segEnd < to && buf[segEnd] != '/') {
				segEnd++;
			}
			int len = segEnd - i;
			if (len == 1 && buf[i] == '.') {
				directory = true;
			}
			else if (len == 2 && buf[i] == '.' && buf[i + 1] == '.') {
				while (n > 0 && out[n - 1] != '/') {
					n--;
				}
				if (n > 0) {
					n--;
				}
				directory = true;
			}
			else {
				out[n++] = '/';
				System.arraycopy(buf, i, out, n, len);
				n += len;
				directory = false;
			}
			i = segEnd;
		}
		if (n == 0 || directory) {
			out[n++] = '/';
		}
		return Arrays.copyOf(out, n);
	}

	/** Escapes bytes &le; 0x20, &ge; 0x7F, {@code #} and {@code %} as {@code %XX}. */
	static byte[] escape(byte[] bytes) {
		int extra = 0;
		for (byte b : bytes) {
			if (mustEscape(b)) {
				extra += 2;
			}
		}
		if (extra == 0) {
			return bytes;
		}
		byte[] out = new byte[bytes.length + extra];
		int n = 0;
		for (byte b : bytes) {
			if (mustEscape(b)) {
				out[n++] = '%';
				out[n++] = HEX[(b >> 4) & 15];
				out[n++] = HEX[b & 15];
			}
			else {
				out[n++] = b;
			}
		}
		return out;
	}

	private static boolean mustEscape(byte b) {
		int c = b & 0xff;
		return c <= 0x20 || c >= 0x7f || c == '#' || c == '%';
	}
}
