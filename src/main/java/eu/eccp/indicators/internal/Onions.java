package eu.eccp.indicators.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Tor v3 onion service addresses: 56 base32 characters encoding the 32-byte public key, a 2-byte checksum
 * (the start of SHA3-256 over {@code ".onion checksum" || key || version}) and the version byte 3.
 */
public final class Onions {

	private static final byte[] CHECKSUM_PREFIX = ".onion checksum".getBytes(StandardCharsets.US_ASCII);

	private Onions() {
	}

	/** Whether {@code label} (56 characters, any case) is a valid v3 onion service identifier. */
	public static boolean isValidV3(String label) {
		if (label.length() != 56) {
			return false;
		}
		byte[] decoded = base32(label.toLowerCase(Locale.ROOT));
		if (decoded == null || decoded.length != 35 || decoded[34] != 3) {
			return false;
		}
		MessageDigest sha3;
		try {
			sha3 = MessageDigest.getInstance("SHA3-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Java 17 provides SHA3-256", e);
		}
		sha3.update(CHECKSUM_PREFIX);
		sha3.update(decoded, 0, 32);
		sha3.update((byte) 3);
		byte[] digest = sha3.digest();
		return digest[0] == decoded[32] && digest[1] == decoded[33];
	}

	/**
	 * The canonical (lower-case) host {@code [sub.]<56 chars>.onion} if the service identifier is valid, else
	 * null.
	 */
	public static @Nullable String canonical(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".")) {
			lower = lower.substring(0, lower.length() - 1);
		}
		if (!lower.endsWith(".onion") || lower.length() > 253) {
			return null;
		}
		String withoutTld = lower.substring(0, lower.length() - ".onion".length());
		String service = withoutTld.substring(withoutTld.lastIndexOf('.') + 1);
		if (!isValidV3(service)) {
			return null;
		}
		if (service.length() != withoutTld.length()) {
			String subdomains = withoutTld.substring(0, withoutTld.length() - service.length() - 1);
			for (String label : subdomains.split("\\.", -1)) {
				if (label.isEmpty() || label.length() > 63 || !label.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
					return null;
				}
			}
		}
		return lower;
	}

	/** The {@code <56 chars>.onion} part of a canonical onion host. */
	public static String serviceAddress(String canonicalHost) {
		int start = canonicalHost.length() - 56 - ".onion".length();
		return canonicalHost.substring(start);
	}

	private static byte @Nullable [] base32(String s) {
		byte[] out = new byte[s.length() * 5 / 8];
		long buffer = 0;
		int bits = 0;
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			int v;
			if (c >= 'a' && c <= 'z') {
				v = c - 'a';
			}
			else if (c >= '2' && c <= '7') {
				v = c - '2' + 26;
			}
			else {
				return null;
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out[n++] = (byte) (buffer >> (bits - 8));
				bits -= 8;
			}
		}
		return out;
	}
}
