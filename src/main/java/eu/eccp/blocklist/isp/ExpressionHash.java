package eu.eccp.blocklist.isp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a canonical expression's bytes (US-ASCII, as canonicalisation leaves them), the form lists carry. */
public final class ExpressionHash {

	private ExpressionHash() {
	}

	public static byte[] of(String expression) {
		return sha256().digest(expression.getBytes(StandardCharsets.ISO_8859_1));
	}

	public static String hex(String expression) {
		return HexFormat.of().formatHex(of(expression));
	}

	/**
	 * The host key of an expression: the first 24 bits of the SHA-256 of its host (the part before the
	 * first {@code /}). Lists carry it beside each entry so that a client hashes a URL's path expressions
	 * only under hosts that have an entry; 24 bits keep it from confirming a guessed host (about one host in
	 * 16 of a million-entry list's size matches by chance).
	 */
	public static int hostKey(String expression) {
		int slash = expression.indexOf('/');
		String host = slash < 0 ? expression : expression.substring(0, slash);
		return hostKey(sha256().digest(host.getBytes(StandardCharsets.ISO_8859_1)));
	}

	/** The host key from a host's SHA-256. */
	public static int hostKey(byte[] hostDigest) {
		return (hostDigest[0] & 0xff) << 16 | (hostDigest[1] & 0xff) << 8 | (hostDigest[2] & 0xff);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this JVM has no SHA-256", e);
		}
	}
}
