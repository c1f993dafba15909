package eu.eccp.correlation.internal;

import org.jspecify.annotations.Nullable;

import com.google.common.net.InetAddresses;

/**
 * The PostgreSQL {@code inet} form of an IP address or CIDR range value ({@code indicator_value.network}),
 * checked here so that one odd value never fails a whole batch's insert.
 */
final class Networks {

	private Networks() {
	}

	static boolean isNetworkType(String type) {
		return type.equals("IPV4") || type.equals("IPV6") || type.equals("CIDR");
	}

	/** The value as {@code inet} text for an address or range, else null (also for a value that is neither). */
	static @Nullable String of(String type, String value) {
		if (!isNetworkType(type) || value.indexOf('%') >= 0 || value.length() > 64) {
			return null;
		}
		String address = value;
		int slash = value.indexOf('/');
		if (type.equals("CIDR")) {
			if (slash < 0) {
				return null;
			}
			address = value.substring(0, slash);
		}
		else if (slash >= 0) {
			return null;
		}
		if (!InetAddresses.isInetAddress(address)) {
			return null;
		}
		if (slash >= 0) {
			String prefix = value.substring(slash + 1);
			if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
				return null;
			}
			int bits = Integer.parseInt(prefix);
			if (bits > (address.indexOf(':') >= 0 ? 128 : 32)) {
				return null;
			}
		}
		return value;
	}
}
