package eu.eccp.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.hc.client5.http.DnsResolver;

import com.google.common.net.InetAddresses;

/**
 * An Apache HttpClient resolver that checks every address a host resolves to and refuses the host when one is
 * refused (a private or reserved address), so that the client connects only to addresses it checked: a name
 * that resolves to a public address when checked and to a private one when connecting (DNS rebinding) cannot
 * get round the check. An address literal ({@code 169.254.169.254}, {@code [::1]}, which the client hands to the
 * resolver as well) is checked as it is, without a lookup, so that callers need no check of their own before
 * sending. Used by every outgoing HTTP client that fetches operator- or user-given addresses
 * ({@link CheckedHttpClients}).
 */
public final class CheckedDnsResolver implements DnsResolver {

	/** How a host's addresses are looked up (the JDK, or a configured resolver). */
	@FunctionalInterface
	public interface Lookup {
		InetAddress[] addresses(String host) throws UnknownHostException;
	}

	private final Lookup lookup;
	private final Predicate<InetAddress> refused;
	private final Function<String, UnknownHostException> refusal;

	/**
	 * @param refused which addresses are refused
	 * @param refusal the exception thrown for a host with a refused address (the caller recognises it)
	 */
	public CheckedDnsResolver(Lookup lookup, Predicate<InetAddress> refused, Function<String, UnknownHostException> refusal) {
		this.lookup = lookup;
		this.refused = refused;
		this.refusal = refusal;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses = InetAddresses.isInetAddress(literal)
				? new InetAddress[] { InetAddresses.forString(literal) } : lookup.addresses(host);
		for (InetAddress address : addresses) {
			if (refused.test(address)) {
				throw refusal.apply(host);
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}
}
