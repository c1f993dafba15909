package eu.eccp.organisations.internal;

import java.security.SecureRandom;
import java.util.Base64;

import eu.eccp.shared.Hashes;

/** Generates API tokens (256 random bits) and the hashes they are stored as. */
final class Tokens {

	static final String PREFIX = "eccp_";
	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		return Hashes.sha256Hex(token);
	}
}
