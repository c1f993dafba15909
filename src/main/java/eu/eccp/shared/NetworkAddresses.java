package eu.eccp.shared;

import java.net.InetAddress;

/**
 * Addresses the platform must never be made to call on someone else's behalf (webhook endpoints, the
 * removal check of reported URLs): its own network and the special-purpose ranges. One check, used by every
 * module that connects to an address it was given.
 */
public final class NetworkAddresses {

	private NetworkAddresses() {
	}

	/**
	 * Whether the address is loopback, private (RFC 1918, unique-local), link-local (cloud metadata),
	 * wildcard, multicast, or another special-purpose range that is not a public host: "this network" 0/8,
	 * carrier-grade NAT 100.64/10, IETF protocol assignments 192.0.0/24, benchmarking 198.18/15, reserved
	 * 240/4 and broadcast; IPv6 unique-local fc00::/7, NAT64 64:ff9b::/96 and 6to4 2002::/16 (which embed
	 * IPv4 addresses). An IPv4-mapped IPv6 address is judged as its IPv4 address (the JDK maps it on parsing).
	 */
	public static boolean isPrivateOrReserved(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (b.length == 4) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			return first == 0 // "this network"
					|| first == 100 && (second & 0xc0) == 64 // carrier-grade NAT 100.64.0.0/10
					|| first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments 192.0.0.0/24
					|| first == 198 && (second & 0xfe) == 18 // benchmarking 198.18.0.0/15
					|| first >= 240; // reserved 240.0.0.0/4 and broadcast
		}
		return (b[0] & 0xfe) == 0xfc // IPv6 unique-local fc00::/7
				|| (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b // NAT64 64:ff9b::/96
				|| (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02; // 6to4 2002::/16 embeds IPv4 addresses
	}
}
