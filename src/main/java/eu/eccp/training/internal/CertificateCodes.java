package eu.eccp.training.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Verification codes of certificates: 15 random characters of Crockford's Base32 (75 bits, no I, L, O or U), in
 * three groups of five, e.g. {@code 7K2QM-XH4TD-9WQ3B}. Typed codes are read case-insensitively, dashes and
 * blanks ignored.
 */
final class CertificateCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateCodes() {
	}

	static String next() {
		StringBuilder code = new StringBuilder(17);
		for (int i = 0; i < 15; i++) {
			if (i > 0 && i % 5 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	/** A typed code in the stored form, or null when it cannot be one. */
	static @org.jspecify.annotations.Nullable String normalised(String typed) {
		String plain = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
			.replace('L', '1');
		if (!plain.matches("[0-9A-HJKMNP-TV-Z]{15}")) {
			return null;
		}
		return plain.substring(0, 5) + "-" + plain.substring(5, 10) + "-" + plain.substring(10);
	}
}
