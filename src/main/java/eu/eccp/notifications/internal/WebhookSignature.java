package eu.eccp.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature scheme: {@code X-ECCP-Signature: sha256=<hex>} where {@code <hex>} is the lower-case
 * hex HMAC-SHA256, keyed with the endpoint's secret (its UTF-8 bytes), of {@code <timestamp>.<body>}:
 * the {@code X-ECCP-Timestamp} header (Unix seconds), a dot, and the raw request body. A receiver
 * recomputes it, compares in constant time and refuses timestamps older than a few minutes (replays).
 */
public final class WebhookSignature {

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/** The value of the {@code X-ECCP-Signature} header. */
	public static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

	/** A new endpoint secret: 32 random bytes, hex, prefixed so that it is recognisable in a vault. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + HexFormat.of().formatHex(bytes);
	}
}
