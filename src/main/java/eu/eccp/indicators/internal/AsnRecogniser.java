package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

import java.util.Map;

import eu.eccp.indicators.IndicatorType;

/**
 * Finds autonomous system numbers: {@code AS12345}, {@code ASN12345} and {@code AS 12345} (a 32-bit number,
 * no leading zero), and the asdot notation {@code AS1.10} of a 32-bit ASN; all written {@code AS<number>}.
 */
final class AsnRecogniser {

	private final ScanText t;
	private final char[] s;
	private final int n;

	AsnRecogniser(ScanText t) {
		this.t = t;
		this.s = t.s;
		this.n = t.n;
	}

	/** {@code asn} in any case at {@code i} (then perhaps followed by a space and the number). */
	boolean isAsnWord(int i) {
		return (s[i] | 0x20) == 'a' && (s[i + 1] | 0x20) == 's' && (s[i + 2] | 0x20) == 'n';
	}

	/**
	 * {@code AS12345}, {@code ASN12345} (any case: {@code asn1234}, {@code as1234}), or {@code AS} or {@code ASN}
	 * (any case: {@code asn}) followed by a space and the number; not {@code as 2020} or {@code As 2020}, which
	 * are prose.
	 */
	boolean asn(int a, int b) {
		int digitsStart = a + 2;
		if (digitsStart < b && (s[digitsStart] | 0x20) == 'n') {
			digitsStart++;
		}
		int end = b;
		if (digitsStart == b) {
			if (b + 1 >= n || s[b] != ' ' || !isDigit(s[b + 1])) {
				return false;
			}
			if (b - a == 2 && !(s[a] == 'A' && s[a + 1] == 'S')) {
				return false;
			}
			digitsStart = b + 1;
			end = digitsStart;
			while (end < n && end - digitsStart < 11 && isDigit(s[end])) {
				end++;
			}
			if (end < n && (isLetterOrDigit(s[end]) || s[end] == '.' && end + 1 < n && isDigit(s[end + 1]))) {
				return false;
			}
		}
		int digits = end - digitsStart;
		if (digits < 1 || digits > 10 || s[digitsStart] == '0') {
			return false;
		}
		for (int i = digitsStart; i < end; i++) {
			if (!isDigit(s[i])) {
				return false;
			}
		}
		long number = Long.parseLong(t.str(digitsStart, end));
		if (number > 4294967295L) {
			return false;
		}
		t.emit(IndicatorType.ASN, "AS" + number, a, end, Map.of(), null);
		return true;
	}

	/** {@code AS1.10}: the asdot notation of a 32-bit ASN. */
	boolean asdot(int a, int b) {
		int dot = -1;
		for (int i = a + 2; i < b; i++) {
			if (s[i] == '.') {
				if (dot >= 0) {
					return false;
				}
				dot = i;
			}
			else if (!isDigit(s[i])) {
				return false;
			}
		}
		if (dot < 0 || dot == a + 2 || dot == b - 1 || dot - a - 2 > 5 || b - dot - 1 > 5) {
			return false;
		}
		long high = Long.parseLong(t.str(a + 2, dot));
		long low = Long.parseLong(t.str(dot + 1, b));
		if (high > 65535 || low > 65535) {
			return false;
		}
		long asn = high * 65536 + low;
		if (asn == 0) {
			return false;
		}
		t.emit(IndicatorType.ASN, "AS" + asn, a, b, Map.of(), null);
		return true;
	}
}
