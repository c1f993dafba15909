package eu.eccp.hosting.internal;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

import com.google.common.net.InetAddresses;

/**
 * An inclusive range of addresses of one family, with what a dataset says about it: a country (country
 * datasets) or an autonomous system and its owner (ASN datasets).
 */
record IpRange(InetAddress start, InetAddress end, @Nullable String country, @Nullable Long asn, @Nullable String owner) {

	IpRange {
		if (start instanceof Inet4Address != end instanceof Inet4Address) {
			throw new IllegalArgumentException("range mixes IPv4 and IPv6");
		}
		if (InetAddresses.toBigInteger(start).compareTo(InetAddresses.toBigInteger(end)) > 0) {
			throw new IllegalArgumentException("range ends before it starts");
		}
	}

	static IpRange country(InetAddress start, InetAddress end, String country) {
		return new IpRange(start, end, country, null, null);
	}

	static IpRange asn(InetAddress start, InetAddress end, long asn, @Nullable String owner) {
		return new IpRange(start, end, null, asn, owner);
	}

	/** The number of addresses in the range. */
	BigInteger size() {
		return size(start, end);
	}

	static BigInteger size(InetAddress start, InetAddress end) {
		return InetAddresses.toBigInteger(end).subtract(InetAddresses.toBigInteger(start)).add(BigInteger.ONE);
	}

	/** Parses an address literal (never a name: no DNS lookup), or fails with IllegalArgumentException. */
	static InetAddress literal(String text) {
		return InetAddresses.forString(text.strip());
	}

	/** The last address of a block of {@code count} addresses from {@code start}. */
	static InetAddress plus(InetAddress start, BigInteger addresses) {
		BigInteger last = InetAddresses.toBigInteger(start).add(addresses).subtract(BigInteger.ONE);
		return start instanceof Inet4Address ? InetAddresses.fromIPv4BigInteger(last) : InetAddresses.fromIPv6BigInteger(last);
	}

	/** The last address of the IPv6 prefix {@code start/length}. */
	static InetAddress ipv6PrefixEnd(InetAddress start, int length) {
		if (length < 0 || length > 128) {
			throw new IllegalArgumentException("prefix length out of range");
		}
		return plus(start, BigInteger.ONE.shiftLeft(128 - length));
	}

	/** An address given as a decimal number (ip-location-db's {@code -num} files). */
	static InetAddress number(String text, boolean ipv6) {
		BigInteger value = new BigInteger(text.strip());
		return ipv6 ? InetAddresses.fromIPv6BigInteger(value) : InetAddresses.fromIPv4BigInteger(value);
	}
}
