package eu.eccp.indicators.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * Benign-value lists: reserved and private address ranges, documentation ranges and domains, public DNS
 * resolvers, very common legitimate domains... An indicator on a list is still reported, marked with the
 * list's name, so that correlation can leave it aside.
 *
 * <p>A list is a UTF-8 text file named {@code NAME.txt}, one entry per line, {@code #} starting a comment.
 * An entry is an IPv4 or IPv6 address or range ({@code 192.0.2.0/24}), an ASN or ASN range
 * ({@code AS64496-AS64511}), a hash in hex, an e-mail address, or a domain name, which also covers its
 * subdomains. The built-in lists are resources under {@code indicators/warninglists/}; an administrator adds
 * lists as files in a directory ({@code eccp.indicators.warninglist-dir}), read at start-up.
 */
public final class WarningLists {

	/** The built-in lists, in the order they are consulted. */
	static final List<String> BUILT_IN = List.of("reserved-ip-ranges", "documentation", "public-dns-resolvers",
			"common-domains", "empty-file-hashes");

	private final List<String> names = new ArrayList<>();
	private final Map<String, String> domains = new HashMap<>();
	private final Map<String, String> exact = new HashMap<>();
	/** Per prefix length, the masked address to list name; index = prefix length. */
	private final List<Map<Long, String>> ipv4 = prefixMaps(32);
	private final List<Map<Ipv6Key, String>> ipv6 = prefixMaps(128);
	/** The prefix lengths that have entries, longest first (lookups try only these). */
	private int[] ipv4Prefixes = new int[0];
	private int[] ipv6Prefixes = new int[0];
	private final List<AsnRange> asns = new ArrayList<>();

	private record AsnRange(long from, long to, String list) {
	}

	/** An IPv6 address as two 64-bit halves. */
	private record Ipv6Key(long high, long low) {

		static Ipv6Key of(byte[] address, int prefix) {
			long high = 0;
			long low = 0;
			for (int i = 0; i < 8; i++) {
				high = (high << 8) | (address[i] & 0xff);
				low = (low << 8) | (address[8 + i] & 0xff);
			}
			long highMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
			long lowMask = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
			return new Ipv6Key(high & highMask, low & lowMask);
		}
	}

	private static long ipv4Key(long address, int prefix) {
		return prefix == 0 ? 0 : address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
	}

	private WarningLists() {
	}

	private static <K> List<Map<K, String>> prefixMaps(int bits) {
		List<Map<K, String>> maps = new ArrayList<>(bits + 1);
		for (int i = 0; i <= bits; i++) {
			maps.add(new HashMap<>());
		}
		return maps;
	}

	/** The built-in lists only. */
	public static WarningLists builtIn() {
		return load(null);
	}

	/** The built-in lists, then every {@code *.txt} of {@code directory} (by name), if given. */
	public static WarningLists load(@Nullable Path directory) {
		WarningLists lists = new WarningLists();
		ListFiles.read("warning list", "/indicators/warninglists/", BUILT_IN, directory, lists::read);
		lists.ipv4Prefixes = usedPrefixes(lists.ipv4);
		lists.ipv6Prefixes = usedPrefixes(lists.ipv6);
		return lists;
	}

	private static int[] usedPrefixes(List<? extends Map<?, String>> byPrefix) {
		return java.util.stream.IntStream.iterate(byPrefix.size() - 1, i -> i >= 0, i -> i - 1)
			.filter(i -> !byPrefix.get(i).isEmpty())
			.toArray();
	}

	/** The names of the lists, in the order they are consulted. */
	public List<String> names() {
		return List.copyOf(names);
	}

	private void read(String name, InputStream in) throws IOException {
		names.add(name);
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			int hash = line.indexOf('#');
			String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
			if (entry.isEmpty()) {
				continue;
			}
			if (!add(name, entry)) {
				throw new IllegalArgumentException("warning list " + name + ", line " + number + ": not an entry: " + entry);
			}
		}
	}

	private boolean add(String list, String entry) {
		String lower = entry.toLowerCase(Locale.ROOT);
		if (lower.matches("asn?\\d+(-(asn?)?\\d+)?")) {
			String[] bounds = lower.replace("asn", "").replace("as", "").split("-");
			long from = Long.parseLong(bounds[0]);
			long to = bounds.length > 1 ? Long.parseLong(bounds[1]) : from;
			asns.add(new AsnRange(from, to, list));
			return true;
		}
		String address = lower;
		int prefix = -1;
		int slash = lower.indexOf('/');
		if (slash > 0) {
			address = lower.substring(0, slash);
			try {
				prefix = Integer.parseInt(lower.substring(slash + 1));
			}
			catch (NumberFormatException e) {
				return false;
			}
		}
		long v4 = IpAddresses.parseIpv4(address);
		if (v4 >= 0) {
			int bits = prefix < 0 ? 32 : prefix;
			if (bits > 32) {
				return false;
			}
			ipv4.get(bits).putIfAbsent(ipv4Key(v4, bits), list);
			return true;
		}
		byte[] v6 = address.contains(":") ? IpAddresses.parseIpv6(address) : null;
		if (v6 != null) {
			int bits = prefix < 0 ? 128 : prefix;
			if (bits > 128) {
				return false;
			}
			ipv6.get(bits).putIfAbsent(Ipv6Key.of(v6, bits), list);
			return true;
		}
		if (slash > 0) {
			return false;
		}
		if (lower.matches("[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}") || lower.contains("@")) {
			exact.putIfAbsent(lower, list);
			return true;
		}
		String domain = lower.startsWith("*.") ? lower.substring(2) : lower.startsWith(".") ? lower.substring(1) : lower;
		try {
			domain = IDN.toASCII(domain).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		if (domain.isEmpty() || !domain.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*")) {
			return false;
		}
		domains.putIfAbsent(domain, list);
		return true;
	}

	/**
	 * The name of the list the indicator is on, or null: for addresses the most specific listed range, for
	 * domains the longest listed suffix; between equal entries the first list (built-in lists first).
	 */
	public @Nullable String match(Indicator indicator) {
		Object host = indicator.details().get(Indicator.HOST);
		return match(indicator.type(), indicator.value(), host == null ? null : host.toString());
	}

	/** As {@link #match(Indicator)}, from the type, the canonical value and (for URLs) the host. */
	@Nullable String match(IndicatorType type, String value, @Nullable String host) {
		return switch (type) {
			case IPV4 -> ipv4(IpAddresses.parseIpv4(value), 32);
			case IPV6 -> {
				byte[] v6 = IpAddresses.parseIpv6(value);
				yield v6 == null ? null : ipv6(v6, 128);
			}
			case CIDR -> cidr(value);
			case DOMAIN, ONION -> domain(value);
			case URL -> host == null ? null : host(host);
			case EMAIL -> {
				String listed = exact.isEmpty() ? null : exact.get(value.toLowerCase(Locale.ROOT));
				yield listed != null ? listed : domain(value.substring(value.lastIndexOf('@') + 1));
			}
			case ASN -> asn(Long.parseLong(value.substring(2)));
			default -> exact.isEmpty() ? null : exact.get(value.toLowerCase(Locale.ROOT));
		};
	}

	private @Nullable String host(String host) {
		if (host.startsWith("[")) {
			byte[] v6 = IpAddresses.parseIpv6(host, 1, host.length() - 1);
			return v6 == null ? null : ipv6(v6, 128);
		}
		long v4 = IpAddresses.parseIpv4(host);
		return v4 >= 0 ? ipv4(v4, 32) : domain(host);
	}

	private @Nullable String cidr(String value) {
		int slash = value.indexOf('/');
		int prefix = Integer.parseInt(value.substring(slash + 1));
		String address = value.substring(0, slash);
		long v4 = IpAddresses.parseIpv4(address);
		if (v4 >= 0) {
			return ipv4(v4, prefix);
		}
		byte[] v6 = IpAddresses.parseIpv6(address);
		return v6 == null ? null : ipv6(v6, prefix);
	}

	/** The list of the most specific listed range holding the address's first {@code maxPrefix} bits. */
	private @Nullable String ipv4(long address, int maxPrefix) {
		if (address < 0) {
			return null;
		}
		for (int bits : ipv4Prefixes) {
			if (bits <= maxPrefix) {
				String list = ipv4.get(bits).get(ipv4Key(address, bits));
				if (list != null) {
					return list;
				}
			}
		}
		return null;
	}

	private @Nullable String ipv6(byte[] address, int maxPrefix) {
		for (int bits : ipv6Prefixes) {
			if (bits <= maxPrefix) {
				String list = ipv6.get(bits).get(Ipv6Key.of(address, bits));
				if (list != null) {
					return list;
				}
			}
		}
		return null;
	}

	private @Nullable String domain(String domain) {
		String name = domain.toLowerCase(Locale.ROOT);
		while (true) {
			String list = domains.get(name);
			if (list != null) {
				return list;
			}
			int dot = name.indexOf('.');
			if (dot < 0) {
				return null;
			}
			name = name.substring(dot + 1);
		}
	}

	private @Nullable String asn(long number) {
		for (AsnRange range : asns) {
			if (number >= range.from() && number <= range.to()) {
				return range.list();
			}
		}
		return null;
	}
}
