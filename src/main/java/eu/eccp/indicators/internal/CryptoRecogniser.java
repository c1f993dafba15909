package eu.eccp.indicators.internal;

import java.util.Locale;
import java.util.Map;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * Finds cryptocurrency addresses among tokens of letters and digits, validated by {@link CryptoAddresses}:
 * Ethereum ({@code 0x} and 40 hex digits, with whether its EIP-55 checksum holds) and Bitcoin (base58 and
 * bech32, with the address type).
 */
final class CryptoRecogniser {

	private final ScanText t;
	private final char[] s;

	CryptoRecogniser(ScanText t) {
		this.t = t;
		this.s = t.s;
	}

	/**
	 * Whether the token {@code s[a, b)} has the shape of an Ethereum address: then it is one if valid and
	 * nothing else in any case.
	 */
	boolean ethereum(int a, int b) {
		if (b - a != 42 || s[a] != '0' || s[a + 1] != 'x' && s[a + 1] != 'X') {
			return false;
		}
		String token = t.str(a, b);
		if (CryptoAddresses.isEthereum(token)) {
			String lowerHex = token.substring(2).toLowerCase(Locale.ROOT);
			t.emit(IndicatorType.ETHEREUM, "0x" + lowerHex, a, b,
					Map.of(Indicator.CHECKSUMMED, CryptoAddresses.eip55(lowerHex)), null);
		}
		return true;
	}

	/** A Bitcoin address in the token {@code s[a, b)}; returns whether it was one. */
	boolean bitcoin(int a, int b) {
		int length = b - a;
		if ((s[a] == '1' || s[a] == '3') && length >= 26 && length <= 35 || length >= 14
				&& (s[a] == 'b' && s[a + 1] == 'c' || s[a] == 'B' && s[a + 1] == 'C') && s[a + 2] == '1') {
			String token = t.str(a, b);
			String type = CryptoAddresses.bitcoinType(token);
			if (type != null) {
				t.emit(IndicatorType.BITCOIN, CryptoAddresses.canonicalBitcoin(token), a, b,
						Map.of(Indicator.ADDRESS_TYPE, type), null);
				return true;
			}
		}
		return false;
	}
}
