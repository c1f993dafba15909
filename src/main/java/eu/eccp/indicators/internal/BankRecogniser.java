package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

import java.util.Locale;
import java.util.Map;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * Finds bank identifiers, validated by {@link BankIdentifiers}: IBANs, compact or in groups of four (read on
 * past the word, as far as the country's length), and BICs where the text says they are one (next to the word
 * BIC or SWIFT, or shortly after an IBAN: eight capitals are often just a word).
 */
final class BankRecogniser {

	private final ScanText t;
	private final char[] s;
	private final int n;
	/** Where the last IBAN ended; a windowed scan carries it from the window before ({@link WindowedScan}). */
	int lastIbanEnd = Integer.MIN_VALUE / 2;

	BankRecogniser(ScanText t) {
		this.t = t;
		this.s = t.s;
		this.n = t.n;
	}

	/** An IBAN, compact ({@code s[a, b)}) or in groups of four starting with {@code s[a, b)}. */
	boolean iban(int a, int b) {
		String country = t.str(a, a + 2).toUpperCase(Locale.ROOT);
		int length = BankIdentifiers.ibanLength(country);
		if (length == 0) {
			return false;
		}
		int end = b;
		String compact;
		if (b - a == length) {
			compact = t.str(a, b).toUpperCase(Locale.ROOT);
		}
		else if (b - a == 4 && Character.isUpperCase(s[a])) {
			StringBuilder collected = new StringBuilder(34).append(s, a, 4);
			int p = b;
			while (collected.length() < length && p + 1 < n && s[p] == ' ' && isAsciiAlnum(s[p + 1])) {
				int q = p + 1;
				while (q < n && q - p - 1 < 4 && (isDigit(s[q]) || s[q] >= 'A' && s[q] <= 'Z')) {
					q++;
				}
				if (q < n && isLetterOrDigit(s[q])) {
					return false;
				}
				int groupLength = q - p - 1;
				collected.append(s, p + 1, groupLength);
				p = q;
				if (groupLength < 4) {
					break;
				}
			}
			end = p;
			compact = collected.toString();
		}
		else {
			return false;
		}
		if (compact.length() != length || !BankIdentifiers.isValidIban(compact)) {
			return false;
		}
		t.emit(IndicatorType.IBAN, compact, a, end, Map.of(Indicator.COUNTRY, country), null);
		lastIbanEnd = end;
		return true;
	}

	/** A BIC: only next to the word BIC or SWIFT, or shortly after an IBAN (8 capitals are often just a word). */
	void bic(int a, int b) {
		String token = t.str(a, b);
		if (!BankIdentifiers.isValidBic(token)) {
			return;
		}
		boolean context = a - lastIbanEnd <= 80;
		int from = Math.max(0, a - 40);
		for (int i = from; !context && i + 3 <= a; i++) {
			char c = (char) (s[i] | 0x20);
			if (c == 'b' && (s[i + 1] | 0x20) == 'i' && (s[i + 2] | 0x20) == 'c') {
				context = true;
			}
			else if (c == 's' && i + 5 <= a && (s[i + 1] | 0x20) == 'w' && (s[i + 2] | 0x20) == 'i'
					&& (s[i + 3] | 0x20) == 'f' && (s[i + 4] | 0x20) == 't') {
				context = true;
			}
		}
		if (context) {
			t.emit(IndicatorType.BIC, token, a, b, Map.of(Indicator.COUNTRY, token.substring(4, 6)), null);
		}
	}
}
