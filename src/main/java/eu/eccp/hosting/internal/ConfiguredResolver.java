package eu.eccp.hosting.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import com.google.common.net.HostAndPort;
import com.google.common.net.InetAddresses;

/**
 * The operator's resolver: first the fixed table {@code eccp.hosting.dns.hosts}, then (unless
 * {@code eccp.hosting.dns.fixed-only}) DNS through dnsjava, asking the servers of {@code eccp.hosting.dns.servers}
 * (or the system's resolvers) for A and AAAA records, following CNAMEs. dnsjava rather than the JDK's
 * {@code InetAddress}: the JDK cannot be pointed at a chosen server, and it caches answers for the whole JVM.
 */
@Component
class ConfiguredResolver implements HostResolver {

	private static final Logger log = LoggerFactory.getLogger(ConfiguredResolver.class);

	private final Map<String, List<InetAddress>> fixed;
	private final boolean fixedOnly;
	private final Resolver resolver;

	ConfiguredResolver(HostingProperties properties) {
		HostingProperties.Dns dns = properties.dns();
		Map<String, List<InetAddress>> table = new HashMap<>();
		dns.hosts().forEach((host, addresses) -> table.put(normalise(host),
				addresses.stream().flatMap(a -> java.util.Arrays.stream(a.split(","))).map(String::strip)
					.filter(a -> !a.isEmpty()).map(IpRange::literal).sorted(ipv4First()).toList()));
		this.fixed = Map.copyOf(table);
		this.fixedOnly = dns.fixedOnly();
		this.resolver = fixedOnly ? null : resolver(dns);
	}

	private static Resolver resolver(HostingProperties.Dns dns) {
		ExtendedResolver extended;
		if (dns.servers().isEmpty()) {
			extended = new ExtendedResolver();
		}
		else {
			List<Resolver> servers = new ArrayList<>();
			for (String server : dns.servers()) {
				HostAndPort hostAndPort = HostAndPort.fromString(server.strip()).withDefaultPort(53);
				InetAddress address;
				try {
					address = InetAddresses.forString(hostAndPort.getHost());
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("eccp.hosting.dns.servers: '" + server + "' is not an address[:port]");
				}
				servers.add(new SimpleResolver(new InetSocketAddress(address, hostAndPort.getPort())));
			}
			extended = new ExtendedResolver(servers);
		}
		extended.setTimeout(dns.timeout());
		extended.setRetries(1);
		return extended;
	}

	@Override
	public Answer resolve(String host) {
		String name = normalise(host);
		if (InetAddresses.isInetAddress(name)) {
			return Answer.of(List.of(InetAddresses.forString(name)));
		}
		List<InetAddress> fixedAddresses = fixed.get(name);
		if (fixedAddresses != null) {
			return Answer.of(fixedAddresses);
		}
		if (fixedOnly) {
			return new Answer(Status.NO_SUCH_HOST, List.of());
		}
		List<InetAddress> addresses = new ArrayList<>();
		boolean failed = false;
		boolean exists = false;
		for (int type : new int[] { Type.A, Type.AAAA }) {
			Lookup lookup;
			try {
				lookup = new Lookup(Name.fromString(name + "."), type);
			}
			catch (TextParseException e) {
				return new Answer(Status.NO_SUCH_HOST, List.of());
			}
			lookup.setResolver(resolver);
			lookup.setCache(null);
			Record[] records = lookup.run();
			switch (lookup.getResult()) {
				case Lookup.SUCCESSFUL -> {
					exists = true;
					for (Record record : records) {
						if (record instanceof ARecord a) {
							addresses.add(a.getAddress());
						}
						else if (record instanceof AAAARecord aaaa) {
							addresses.add(aaaa.getAddress());
						}
					}
				}
				case Lookup.TYPE_NOT_FOUND -> exists = true;
				case Lookup.HOST_NOT_FOUND -> {
				}
				default -> {
					failed = true;
					log.debug("DNS lookup of type {} failed: {}", Type.string(type), lookup.getErrorString());
				}
			}
		}
		if (!addresses.isEmpty()) {
			return new Answer(Status.RESOLVED, addresses.stream().distinct().sorted(ipv4First()).toList());
		}
		return new Answer(failed && !exists ? Status.FAILED : Status.NO_SUCH_HOST, List.of());
	}

	/** Resolves for the HTTP client: the addresses, or UnknownHostException (distinguishing a resolver failure). */
	InetAddress[] addressesOrThrow(String host) throws UnknownHostException {
		Answer answer = resolve(host);
		if (answer.status() == Status.FAILED) {
			throw new ResolverFailedException(host);
		}
		if (answer.addresses().isEmpty()) {
			throw new UnknownHostException(host);
		}
		return answer.addresses().toArray(InetAddress[]::new);
	}

	/** The resolver did not answer (as opposed to: the name does not exist). */
	static final class ResolverFailedException extends UnknownHostException {
		ResolverFailedException(String host) {
			super("the resolver did not answer for " + host);
		}
	}

	static String normalise(String host) {
		String name = host.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	private static Comparator<InetAddress> ipv4First() {
		return Comparator.comparing(address -> address instanceof Inet4Address ? 0 : 1);
	}
}
