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

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this JVM has no SHA-256", e);
		}
	}
}
