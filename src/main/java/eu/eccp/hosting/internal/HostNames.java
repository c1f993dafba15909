package eu.eccp.hosting.internal;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;

/**
 * The host of a URL or host name as people paste it: with or without a scheme, defanged
 * ({@code hxxps://evil[.]example/x}), with user info, a port, an IPv6 literal in brackets, or an internationalised
 * name (given back in its ASCII form, lower case).
 */
final class HostNames {

	private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
	private static final int MAX_INPUT = 4096;

	private HostNames() {
	}

	static Optional<String> hostOf(String urlOrHost) {
		if (urlOrHost.length() > MAX_INPUT) {
			return Optional.empty();
		}
		String text = refang(urlOrHost.strip());
		int scheme = text.indexOf("://");
		String rest = scheme >= 0 ? text.substring(scheme + 3) : text;
		int end = rest.length();
		for (char stop : new char[] { '/', '?', '#', '\\' }) {
			int at = rest.indexOf(stop);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		String authority = rest.substring(0, end);
		authority = authority.substring(authority.lastIndexOf('@') + 1);
		String host;
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			if (close < 0) {
				return Optional.empty();
			}
			host = authority.substring(1, close);
			return InetAddresses.isInetAddress(host) && host.contains(":")
					? Optional.of(InetAddresses.toAddrString(InetAddresses.forString(host))) : Optional.empty();
		}
		if (InetAddresses.isInetAddress(authority) && authority.contains(":")) {
			return Optional.of(InetAddresses.toAddrString(InetAddresses.forString(authority))); // a bare IPv6 address
		}
		int colon = authority.lastIndexOf(':');
		host = colon >= 0 ? authority.substring(0, colon) : authority;
		if (colon >= 0 && !authority.substring(colon + 1).matches("\\d{0,5}")) {
			return Optional.empty();
		}
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (host.isEmpty()) {
			return Optional.empty();
		}
		if (InetAddresses.isInetAddress(host)) {
			return Optional.of(InetAddresses.toAddrString(InetAddresses.forString(host)));
		}
		String ascii;
		try {
			ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		if (ascii.length() > 253) {
			return Optional.empty();
		}
		for (String label : ascii.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				return Optional.empty();
			}
		}
		return Optional.of(ascii);
	}

	/** Undoes the usual defanging: {@code hxxp}, {@code [.]}, {@code (.)}, {@code [dot]}, {@code [:]}, {@code [://]}. */
	static String refang(String text) {
		return text.replaceAll("(?i)^h[x*]{2}p(s?)", "http$1")
			.replaceAll("(?i)\\[\\s*(\\.|dot)\\s*]|\\(\\s*(\\.|dot)\\s*\\)|\\{\\s*(\\.|dot)\\s*}", ".")
			.replace("[://]", "://")
			.replace("[:]", ":");
	}
}
