package eu.eccp.indicators.internal;

import org.jspecify.annotations.Nullable;

/**
 * IPv4 and IPv6 parsing and canonical forms. Text is read strictly (dotted-quad decimal for IPv4); URL hosts
 * are read the way browsers read them (decimal, octal and hex parts), so that obfuscated hosts such as
 * {@code http://3232235777/} come out as {@code 192.168.1.1}.
 */
public final class IpAddresses {

	private IpAddresses() {
	}

	/**
	 * A dotted-quad decimal IPv4 address in {@code s[from, to)}, as an unsigned 32-bit value, or -1. Parts
	 * have 1 to 3 digits; a leading zero is accepted only in a zero-padded three-digit part ({@code 010}), as
	 * logs write them, never in two digits ({@code 01.02.03.04} is a date or a version, not an address).
	 */
	public static long parseIpv4(CharSequence s, int from, int to) {
		long value = 0;
		int parts = 0;
		int i = from;
		while (i < to) {
			int start = i;
			int part = 0;
			while (i < to && i - start < 4) {
				char c = s.charAt(i);
				if (c < '0' || c > '9') {
					break;
				}
				part = part * 10 + (c - '0');
				i++;
			}
			int digits = i - start;
			if (digits == 0 || digits > 3 || part > 255 || (digits == 2 && s.charAt(start) == '0')) {
				return -1;
			}
			value = (value << 8) | part;
			parts++;
			if (i == to) {
				break;
			}
			if (s.charAt(i) != '.' || parts == 4) {
				return -1;
			}
			i++;
			if (i == to) {
				return -1;
			}
		}
		return parts == 4 ? value : -1;
	}

	public static long parseIpv4(CharSequence s) {
		return parseIpv4(s, 0, s.length());
	}

	/**
	 * An IPv4 URL host the way the WHATWG URL standard reads it: one to four parts, each decimal, octal
	 * ({@code 0} prefix) or hex ({@code 0x}), the last part filling the remaining bytes. -1 if it is not one.
	 */
	public static long parseUrlIpv4(String host) {
		String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		String[] parts = h.split("\\.", -1);
		if (parts.length > 4 || parts.length == 0) {
			return -1;
		}
		long[] numbers = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			long n = parseUrlIpv4Part(parts[i]);
			if (n < 0) {
				return -1;
			}
			numbers[i] = n;
		}
		for (int i = 0; i < numbers.length - 1; i++) {
			if (numbers[i] > 255) {
				return -1;
			}
		}
		long last = numbers[numbers.length - 1];
		if (last >= 1L << (8 * (5 - numbers.length))) {
			return -1;
		}
		long value = last;
		for (int i = 0; i < numbers.length - 1; i++) {
			value += numbers[i] << (8 * (3 - i));
		}
		return value;
	}

	private static long parseUrlIpv4Part(String part) {
		if (part.isEmpty() || part.length() > 12) {
			return -1;
		}
		int radix = 10;
		String digits = part;
		if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
			radix = 16;
			digits = part.substring(2);
			if (digits.isEmpty()) {
				return 0;
			}
		}
		else if (part.length() >= 2 && part.charAt(0) == '0') {
			radix = 8;
			digits = part.substring(1);
		}
		long n = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = Character.digit(digits.charAt(i), radix);
			if (d < 0 || digits.charAt(i) > 'z') {
				return -1;
			}
			n = n * radix + d;
		}
		return n;
	}

	/** Whether a URL host ends in a number, which makes browsers read it as an IPv4 address. */
	public static boolean endsInNumber(String host) {
		String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		String last = h.substring(h.lastIndexOf('.') + 1);
		if (last.isEmpty()) {
			return false;
		}
		if (last.startsWith("0x") || last.startsWith("0X")) {
			for (int i = 2; i < last.length(); i++) {
				if (Character.digit(last.charAt(i), 16) < 0) {
					return false;
				}
			}
			return true;
		}
		for (int i = 0; i < last.length(); i++) {
			if (last.charAt(i) < '0' || last.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	public static String formatIpv4(long value) {
		return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
	}

	/**
	 * An IPv6 address in {@code s[from, to)} (hex groups, at most one {@code ::}, optionally ending in a
	 * dotted-quad IPv4 address), as 16 bytes, or null. Zone identifiers are not accepted.
	 */
	public static byte @Nullable [] parseIpv6(CharSequence s, int from, int to) {
		if (to - from < 2 || to - from > 45) {
			return null;
		}
		byte[] bytes = new byte[16];
		int groups = 0;
		int compressAt = -1;
		int i = from;
		if (s.charAt(i) == ':') {
			if (s.charAt(i + 1) != ':') {
				return null;
			}
			compressAt = 0;
			i += 2;
			if (i == to) {
				return bytes;
			}
		}
		while (i < to) {
			if (groups == 8) {
				return null;
			}
			int start = i;
			int value = 0;
			while (i < to && i - start < 5) {
				int d = Character.digit(s.charAt(i), 16);
				if (d < 0 || s.charAt(i) > 'f') {
					break;
				}
				value = value * 16 + d;
				i++;
			}
			int digits = i - start;
			if (i < to && s.charAt(i) == '.') {
				// embedded IPv4 in the last 32 bits
				if (groups > 6) {
					return null;
				}
				long v4 = parseIpv4(s, start, to);
				if (v4 < 0) {
					return null;
				}
				bytes[groups * 2] = (byte) (v4 >> 24);
				bytes[groups * 2 + 1] = (byte) (v4 >> 16);
				bytes[groups * 2 + 2] = (byte) (v4 >> 8);
				bytes[groups * 2 + 3] = (byte) v4;
				groups += 2;
				i = to;
				break;
			}
			if (digits == 0 || digits > 4) {
				return null;
			}
			bytes[groups * 2] = (byte) (value >> 8);
			bytes[groups * 2 + 1] = (byte) value;
			groups++;
			if (i == to) {
				break;
			}
			if (s.charAt(i) != ':') {
				return null;
			}
			i++;
			if (i < to && s.charAt(i) == ':') {
				if (compressAt >= 0) {
					return null;
				}
				compressAt = groups;
				i++;
				if (i == to) {
					break;
				}
			}
			else if (i == to) {
				return null;
			}
		}
		if (compressAt < 0) {
			return groups == 8 ? bytes : null;
		}
		if (groups == 8) {
			return null;
		}
		// move the groups after the :: to the end
		int tail = groups - compressAt;
		byte[] result = new byte[16];
		System.arraycopy(bytes, 0, result, 0, compressAt * 2);
		System.arraycopy(bytes, compressAt * 2, result, 16 - tail * 2, tail * 2);
		return result;
	}

	public static byte @Nullable [] parseIpv6(CharSequence s) {
		return parseIpv6(s, 0, s.length());
	}

	/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
	public static String formatIpv6(byte[] bytes) {
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
		}
		boolean mapped = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
				&& groups[5] == 0xffff;
		if (mapped) {
			return "::ffff:" + formatIpv4(((long) (bytes[12] & 0xff) << 24) | ((bytes[13] & 0xff) << 16)
					| ((bytes[14] & 0xff) << 8) | (bytes[15] & 0xff));
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			if (groups[i] != 0) {
				i++;
				continue;
			}
			int j = i;
			while (j < 8 && groups[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = j;
		}
		StringBuilder out = new StringBuilder(39);
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				out.append("::");
				i += bestLength - 1;
				continue;
			}
			if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
				out.append(':');
			}
			out.append(Integer.toHexString(groups[i]));
		}
		return out.toString();
	}

	/** The address with all bits after the first {@code prefix} cleared. */
	public static byte[] network(byte[] address, int prefix) {
		byte[] result = address.clone();
		for (int bit = prefix; bit < result.length * 8; bit++) {
			result[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
		}
		return result;
	}

	public static byte[] ipv4Bytes(long value) {
		return new byte[] { (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value };
	}

	public static long ipv4Value(byte[] bytes) {
		return ((long) (bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
	}
}
