package eu.eccp.indicators.internal;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Payment card numbers: 13 to 19 digits, a known issuer prefix, the Luhn check digit. The clear number never
 * leaves this class: callers get it masked (first four and last four digits) and as an HMAC-SHA256 under the
 * platform's key, which lets reports of the same card match without storing it.
 */
public final class PaymentCards {

	private PaymentCards() {
	}

	public static boolean luhn(CharSequence digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	/** The card scheme of a number by its issuer identification prefix and length, or null. */
	public static @Nullable String brand(CharSequence digits) {
		int length = digits.length();
		if (length < 13 || length > 19) {
			return null;
		}
		int p2 = Integer.parseInt(digits.subSequence(0, 2).toString());
		int p3 = Integer.parseInt(digits.subSequence(0, 3).toString());
		int p4 = Integer.parseInt(digits.subSequence(0, 4).toString());
		int p6 = Integer.parseInt(digits.subSequence(0, 6).toString());
		if (digits.charAt(0) == '4' && (length == 13 || length == 16 || length == 19)) {
			return "visa";
		}
		if ((p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) && length == 16) {
			return "mastercard";
		}
		if ((p2 == 34 || p2 == 37) && length == 15) {
			return "amex";
		}
		if ((p4 == 6011 || p2 == 65 || p3 >= 644 && p3 <= 649 || p6 >= 622126 && p6 <= 622925) && length >= 16) {
			return "discover";
		}
		if (p4 >= 3528 && p4 <= 3589 && length >= 16) {
			return "jcb";
		}
		if ((p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39) && length >= 14) {
			return "diners";
		}
		if (p2 == 62 && length >= 16) {
			return "unionpay";
		}
		if ((p2 == 50 || p2 >= 56 && p2 <= 69) && length >= 12) {
			return "maestro";
		}
		return null;
	}

	/** Whether the digits are a plausible card number: known prefix and length, and Luhn-valid. */
	public static boolean isValid(CharSequence digits) {
		return brand(digits) != null && luhn(digits);
	}

	/** The number with all but its first four and last four digits replaced by {@code *}. */
	public static String mask(CharSequence digits) {
		int length = digits.length();
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = i < 4 || i >= length - 4 ? digits.charAt(i) : '*';
		}
		return new String(out);
	}

	/**
	 * The written form with the same digits masked as {@link #mask}: separators kept, the digits between
	 * the first four and the last four replaced by {@code *}.
	 */
	public static String maskWritten(CharSequence written) {
		int length = written.length();
		char[] out = new char[length];
		int total = 0;
		for (int i = 0; i < length; i++) {
			char c = written.charAt(i);
			out[i] = c;
			if (Character.isDigit(c)) {
				total++;
			}
		}
		int seen = 0;
		for (int i = 0; i < length; i++) {
			if (Character.isDigit(out[i])) {
				if (seen >= 4 && seen < total - 4) {
					out[i] = '*';
				}
				seen++;
			}
		}
		return new String(out);
	}

	/** HMAC-SHA256 of the digits under {@code key}, in lower-case hex. */
	public static String keyedHash(CharSequence digits, byte[] key) {
		return keyedHash(digits, keyedHasher(key));
	}

	/**
	 * The same keyed hash with a hasher from {@link #keyedHasher(byte[])}, kept by a caller that hashes many numbers
	 * in a row (the hasher is reset by each hash; one thread at a time).
	 */
	static String keyedHash(CharSequence digits, Mac hasher) {
		return HexFormat.of().formatHex(hasher.doFinal(digits.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
	}

	/** A hasher for {@link #keyedHash(CharSequence, Mac)} under {@code key}. */
	static Mac keyedHasher(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}
}
