package eu.eccp.indicators.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

import org.bouncycastle.crypto.digests.KeccakDigest;
import org.jspecify.annotations.Nullable;

/**
 * Crypto-currency addresses: bitcoin base58check (P2PKH, P2SH), bitcoin bech32 (BIP-173, witness version 0)
 * and bech32m (BIP-350, versions 1 to 16), and Ethereum (EIP-55 checksum when written in mixed case).
 */
public final class CryptoAddresses {

	private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
	private static final int[] BASE58_VALUES = new int[128];
	private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
	private static final int[] BECH32_VALUES = new int[128];
	private static final int BECH32_CONST = 1;
	private static final int BECH32M_CONST = 0x2bc830a3;

	static {
		Arrays.fill(BASE58_VALUES, -1);
		for (int i = 0; i < BASE58.length(); i++) {
			BASE58_VALUES[BASE58.charAt(i)] = i;
		}
		Arrays.fill(BECH32_VALUES, -1);
		for (int i = 0; i < BECH32.length(); i++) {
			BECH32_VALUES[BECH32.charAt(i)] = i;
		}
	}

	private CryptoAddresses() {
	}

	/**
	 * The kind of a valid bitcoin mainnet address ({@code p2pkh}, {@code p2sh}, {@code p2wpkh},
	 * {@code p2wsh}, {@code p2tr}, {@code segwit-vN}), or null.
	 */
	public static @Nullable String bitcoinType(String address) {
		if (address.length() >= 14 && address.length() <= 90
				&& (address.startsWith("bc1") || address.startsWith("BC1"))) {
			return segwitType(address);
		}
		if (address.length() < 26 || address.length() > 35) {
			return null;
		}
		byte[] decoded = base58(address);
		if (decoded == null || decoded.length != 25 || (decoded[0] != 0 && decoded[0] != 5)) {
			return null;
		}
		byte[] checksum = sha256(sha256(Arrays.copyOf(decoded, 21)));
		for (int i = 0; i < 4; i++) {
			if (checksum[i] != decoded[21 + i]) {
				return null;
			}
		}
		return decoded[0] == 0 ? "p2pkh" : "p2sh";
	}

	/** The canonical form of a valid bitcoin address: bech32 in lower case, base58 as written. */
	public static String canonicalBitcoin(String address) {
		return address.startsWith("BC1") ? address.toLowerCase(Locale.ROOT) : address;
	}

	static byte @Nullable [] base58(String s) {
		int zeros = 0;
		while (zeros < s.length() && s.charAt(zeros) == '1') {
			zeros++;
		}
		byte[] bytes = new byte[s.length()];
		int length = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			int carry = c < 128 ? BASE58_VALUES[c] : -1;
			if (carry < 0) {
				return null;
			}
			for (int j = 0; j < length; j++) {
				carry += (bytes[j] & 0xff) * 58;
				bytes[j] = (byte) carry;
				carry >>= 8;
			}
			while (carry > 0) {
				bytes[length++] = (byte) carry;
				carry >>= 8;
			}
		}
		byte[] result = new byte[zeros + length];
		for (int i = 0; i < length; i++) {
			result[zeros + i] = bytes[length - 1 - i];
		}
		return result;
	}

	private static @Nullable String segwitType(String address) {
		boolean lower = address.equals(address.toLowerCase(Locale.ROOT));
		boolean upper = address.equals(address.toUpperCase(Locale.ROOT));
		if (!lower && !upper) {
			return null;
		}
		String a = address.toLowerCase(Locale.ROOT);
		int separator = a.lastIndexOf('1');
		if (separator != 2 || a.length() - separator - 1 < 6 + 1) {
			return null;
		}
		int[] data = new int[a.length() - separator - 1];
		for (int i = 0; i < data.length; i++) {
			char c = a.charAt(separator + 1 + i);
			data[i] = c < 128 ? BECH32_VALUES[c] : -1;
			if (data[i] < 0) {
				return null;
			}
		}
		int polymod = polymod("bc", data);
		int version = data[0];
		if (version > 16) {
			return null;
		}
		if (polymod != (version == 0 ? BECH32_CONST : BECH32M_CONST)) {
			return null;
		}
		byte[] program = convertBits(data, 1, data.length - 6);
		if (program == null || program.length < 2 || program.length > 40) {
			return null;
		}
		if (version == 0) {
			return program.length == 20 ? "p2wpkh" : program.length == 32 ? "p2wsh" : null;
		}
		return version == 1 && program.length == 32 ? "p2tr" : "segwit-v" + version;
	}

	private static int polymod(String hrp, int[] data) {
		int[] generator = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };
		int chk = 1;
		int[] expanded = new int[hrp.length() * 2 + 1 + data.length];
		int n = 0;
		for (int i = 0; i < hrp.length(); i++) {
			expanded[n++] = hrp.charAt(i) >> 5;
		}
		expanded[n++] = 0;
		for (int i = 0; i < hrp.length(); i++) {
			expanded[n++] = hrp.charAt(i) & 31;
		}
		for (int v : data) {
			expanded[n++] = v;
		}
		for (int v : expanded) {
			int top = chk >>> 25;
			chk = ((chk & 0x1ffffff) << 5) ^ v;
			for (int i = 0; i < 5; i++) {
				if (((top >>> i) & 1) != 0) {
					chk ^= generator[i];
				}
			}
		}
		return chk;
	}

	/** 5-bit groups to bytes without padding (BIP-173); null on non-zero or excess padding. */
	private static byte @Nullable [] convertBits(int[] data, int from, int to) {
		int acc = 0;
		int bits = 0;
		byte[] out = new byte[(to - from) * 5 / 8];
		int n = 0;
		for (int i = from; i < to; i++) {
			acc = (acc << 5) | data[i];
			bits += 5;
			if (bits >= 8) {
				bits -= 8;
				out[n++] = (byte) ((acc >> bits) & 0xff);
			}
		}
		if (bits >= 5 || ((acc << (8 - bits)) & 0xff) != 0) {
			return null;
		}
		return Arrays.copyOf(out, n);
	}

	/**
	 * Whether {@code address} is {@code 0x} and 40 hex digits, in one case or with a valid EIP-55 checksum.
	 */
	public static boolean isEthereum(String address) {
		if (address.length() != 42 || address.charAt(0) != '0' || (address.charAt(1) != 'x' && address.charAt(1) != 'X')) {
			return false;
		}
		boolean hasLower = false;
		boolean hasUpper = false;
		for (int i = 2; i < 42; i++) {
			char c = address.charAt(i);
			if (c >= 'a' && c <= 'f') {
				hasLower = true;
			}
			else if (c >= 'A' && c <= 'F') {
				hasUpper = true;
			}
			else if (c < '0' || c > '9') {
				return false;
			}
		}
		return !(hasLower && hasUpper) || eip55(address.substring(2).toLowerCase(Locale.ROOT)).equals("0x" + address.substring(2));
	}

	/** The EIP-55 mixed-case checksum form of 40 lower-case hex digits, with {@code 0x}. */
	public static String eip55(String lowerHex) {
		KeccakDigest keccak = new KeccakDigest(256);
		byte[] input = lowerHex.getBytes(StandardCharsets.US_ASCII);
		keccak.update(input, 0, input.length);
		byte[] hash = new byte[32];
		keccak.doFinal(hash, 0);
		StringBuilder out = new StringBuilder("0x");
		for (int i = 0; i < 40; i++) {
			char c = lowerHex.charAt(i);
			int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
			out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
		}
		return out.toString();
	}

	static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
