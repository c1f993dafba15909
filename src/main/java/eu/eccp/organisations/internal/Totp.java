package eu.eccp.organisations.internal;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.common.io.BaseEncoding;

/**
 * Time-based one-time passwords (RFC 6238) over HMAC-SHA1 (RFC 4226's dynamic truncation): 30-second time
 * steps counted from the Unix epoch, 6 digits. A code is accepted for the current step and one step either
 * side (clock drift), and only for a step later than the last one accepted, so no code can be used twice.
 * Secrets are 20 random bytes (the length of an SHA-1 output), shown to people in Base32 without padding.
 */
final class Totp {

	static final long STEP_SECONDS = 30;
	static final int DIGITS = 6;
	static final int DRIFT_STEPS = 1;
	static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final BaseEncoding BASE32 = BaseEncoding.base32().omitPadding();

	private Totp() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/** The time step an instant falls in. */
	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of a time step with the given number of digits (RFC 4226 section 5.3), zero-padded. */
	static String code(byte[] secret, long step, int digits) {
		if (digits < 1 || digits > 9) {
			throw new IllegalArgumentException("a code has 1 to 9 digits");
		}
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("this JVM has no HmacSHA1", e);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		int modulus = 1;
		for (int i = 0; i < digits; i++) {
			modulus *= 10;
		}
		String code = Integer.toString(binary % modulus);
		return "0".repeat(digits - code.length()) + code;
	}

	/**
	 * The time step whose code this is, if it is the code of the step of {@code now} or of one step either
	 * side, and that step is later than {@code lastUsedStep} (a code is never accepted twice).
	 */
	static OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
		String candidate = code.strip().replace(" ", "");
		if (candidate.length() != DIGITS || !candidate.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		byte[] given = candidate.getBytes(StandardCharsets.US_ASCII);
		long current = step(now);
		OptionalLong found = OptionalLong.empty();
		for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
			boolean same = MessageDigest.isEqual(given, code(secret, s, DIGITS).getBytes(StandardCharsets.US_ASCII));
			if (same && s > lastUsedStep && found.isEmpty()) {
				found = OptionalLong.of(s);
			}
		}
		return found;
	}

	static String base32(byte[] secret) {
		return BASE32.encode(secret);
	}

	/**
	 * The {@code otpauth://} URI authenticator apps read (usually from a QR code), in the Key Uri Format
	 * understood by common apps: issuer and account as label and parameters, SHA1, 6 digits, 30 s.
	 */
	static String otpauthUri(String issuer, String account, byte[] secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A Base32 secret in groups of four characters, easier to type into an app by hand. */
	static String grouped(String base32) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < base32.length(); i += 4) {
			out.append(i == 0 ? "" : " ").append(base32, i, Math.min(base32.length(), i + 4));
		}
		return out.toString().toUpperCase(Locale.ROOT);
	}
}
