package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * Finds IP addresses and networks in pieces of words the scanner has cut out, validated and written in
 * canonical form by {@link IpAddresses}: IPv6 addresses (with a prefix length, a CIDR network), IPv4 networks,
 * IPv4 addresses unless the word before says they are a version number.
 */
final class IpRecogniser {

	/** Prefixes that make a dotted quad a version number rather than an address. */
	private static final Set<String> VERSION_WORDS = Set.of("version", "ver", "v", "release", "build", "firmware",
			"fw", "rev", "revision", "update", "patch", "kernel");

	private final ScanText t;
	private final char[] s;

	IpRecogniser(ScanText t) {
		this.t = t;
		this.s = t.s;
	}

	/**
	 * An IPv6 address in {@code s[a, addressEnd)}, followed up to {@code b} by nothing or a prefix length.
	 * Returns where what was taken ends ({@code b}, or {@code addressEnd} when what follows is no prefix length
	 * and is left to the caller), or -1 when there is no address.
	 */
	int ipv6(int a, int addressEnd, int b) {
		int colons = 0;
		boolean compressed = false;
		for (int i = a; i < addressEnd; i++) {
			char c = s[i];
			if (c == ':') {
				colons++;
				if (i + 1 < addressEnd && s[i + 1] == ':') {
					compressed = true;
				}
			}
			else if (!isHex(c) && c != '.') {
				return -1;
			}
		}
		if (colons < 2 || (!compressed && colons != 7 && !(colons == 6 && t.hasDot(a, addressEnd)))) {
			return -1;
		}
		byte[] address = IpAddresses.parseIpv6(t.chars, a, addressEnd);
		if (address == null) {
			return -1;
		}
		String value = IpAddresses.formatIpv6(address);
		if (isThinIpv6(value)) {
			return -1;
		}
		if (addressEnd < b) {
			int prefix = prefixLength(addressEnd + 1, b, 128);
			if (prefix < 0) {
				t.emit(IndicatorType.IPV6, value, a, addressEnd, Map.of(), null);
				return addressEnd;
			}
			String network = IpAddresses.formatIpv6(IpAddresses.network(address, prefix)) + "/" + prefix;
			t.emit(IndicatorType.CIDR, value + "/" + prefix, a, b, Map.of(Indicator.NETWORK, network), null);
			return b;
		}
		t.emit(IndicatorType.IPV6, value, a, addressEnd, Map.of(), null);
		return b;
	}

	/**
	 * Whether a canonical IPv6 address is too thin to be taken for one in prose: a single short group and
	 * {@code ::} ({@code a::}, {@code ::b}, {@code 2::}); {@code ::1} and full groups ({@code fe80::}) count.
	 */
	static boolean isThinIpv6(String value) {
		if (value.equals("::1")) {
			return false;
		}
		int groups = 0;
		int longest = 0;
		for (String group : value.split(":")) {
			if (!group.isEmpty()) {
				groups += group.contains(".") ? 2 : 1;
				longest = Math.max(longest, group.length());
			}
		}
		return groups < 2 && longest < 4;
	}

	/** The prefix length written in {@code s[from, to)} (one to three digits, at most {@code max}), or -1. */
	private int prefixLength(int from, int to, int max) {
		if (to - from < 1 || to - from > 3) {
			return -1;
		}
		int prefix = 0;
		for (int i = from; i < to; i++) {
			if (!isDigit(s[i])) {
				return -1;
			}
			prefix = prefix * 10 + (s[i] - '0');
		}
		if (to - from > 1 && s[from] == '0') {
			return -1;
		}
		return prefix <= max ? prefix : -1;
	}

	/**
	 * An IPv4 network {@code s[a, b)}: the address {@code v4} in {@code s[a, slash)}, a prefix length after the
	 * slash. Returns whether it was one.
	 */
	boolean ipv4Network(int a, int slash, int b, long v4) {
		int prefix = prefixLength(slash + 1, b, 32);
		if (prefix < 0) {
			return false;
		}
		String network = IpAddresses.formatIpv4(IpAddresses.ipv4Value(IpAddresses.network(IpAddresses.ipv4Bytes(v4), prefix)));
		t.emit(IndicatorType.CIDR, IpAddresses.formatIpv4(v4) + "/" + prefix, a, b,
				Map.of(Indicator.NETWORK, network + "/" + prefix), null);
		return true;
	}

	/** The IPv4 address {@code value} written in {@code s[a, b)}, with a port if positive. */
	void ipv4(int a, int b, long value, int port) {
		if (versionContext(a)) {
			return;
		}
		t.emit(IndicatorType.IPV4, IpAddresses.formatIpv4(value), a, b,
				port > 0 ? Map.of(Indicator.PORT, port) : Map.of(), null);
	}

	/** Whether the word before {@code a} says that a dotted number is a version ("version 1.2.3.4"). */
	private boolean versionContext(int a) {
		int i = a - 1;
		while (i >= 0 && a - i < 4 && (s[i] == ' ' || s[i] == ':' || s[i] == '.')) {
			i--;
		}
		int end = i + 1;
		while (i >= 0 && end - i <= 10 && isAsciiLetter(s[i])) {
			i--;
		}
		if (i >= 0 && isLetterOrDigit(s[i])) {
			return false;
		}
		return end - i - 1 > 0 && VERSION_WORDS.contains(t.str(i + 1, end).toLowerCase(Locale.ROOT));
	}
}
