package eu.eccp.blocklist.isp;

import java.security.SecureRandom;

/**
 * The public reference code of a block-list entry, shown on the stop page and asked for on the review page:
 * ten characters of Crockford's Base32 ({@code 0-9A-Z} without {@code I L O U}), 50 random bits. It names the
 * entry without telling what it blocks. Kept as a {@code long} in the ISP's compact list.
 */
public final class ReferenceCode {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	public static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ReferenceCode() {
	}

	public static String random() {
		return format(RANDOM.nextLong() & ((1L << 50) - 1));
	}

	public static String format(long value) {
		char[] out = new char[LENGTH];
		for (int i = LENGTH - 1; i >= 0; i--) {
			out[i] = ALPHABET.charAt((int) (value & 31));
			value >>>= 5;
		}
		return new String(out);
	}

	/** The code's value; {@code -1} when it is not a reference code (case and {@code -} are ignored). */
	public static long parse(String code) {
		String c = code.strip().replace("-", "").toUpperCase(java.util.Locale.ROOT)
			.replace('O', '0').replace('I', '1').replace('L', '1');
		if (c.length() != LENGTH) {
			return -1;
		}
		long value = 0;
		for (int i = 0; i < LENGTH; i++) {
			int d = ALPHABET.indexOf(c.charAt(i));
			if (d < 0) {
				return -1;
			}
			value = value << 5 | d;
		}
		return value;
	}

	public static boolean isValid(String code) {
		return parse(code) >= 0;
	}
}
