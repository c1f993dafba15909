package eu.eccp.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import eu.eccp.shared.Hashes;

/**
 * Report references and status tokens. A reference ({@code ECCP-XXXX-XXXX-XX}, 50 random bits in Crockford
 * base 32) is what people quote on the phone; the status token (256 random bits, stored only as a hash) is
 * what proves they may see the status. Together they cannot be guessed.
 */
final class Secrets {

	private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	static String newReference() {
		StringBuilder reference = new StringBuilder("ECCP-");
		for (int i = 0; i < 10; i++) {
			if (i == 4 || i == 8) {
				reference.append('-');
			}
			reference.append(CROCKFORD[RANDOM.nextInt(32)]);
		}
		return reference.toString();
	}

	static String newStatusToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String text) {
		return Hashes.sha256Hex(text);
	}

	/** Compares two hashes in constant time. */
	static boolean sameHash(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}
}
