package eu.eccp.hosting.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the hosting module ({@code eccp.hosting.*}).
 *
 * @param dns how host names are resolved ({@code eccp.hosting.dns.*})
 * @param probe the removal check ({@code eccp.hosting.probe.*})
 * @param cdnList a CSV file of further CDNs and reverse proxies ({@code cdn-list}, same columns as the shipped
 *        {@code hosting/cdn-networks.csv}); its rows are added to the shipped list and win for the same AS number
 * @param demoData in demo mode, load the shipped IP data excerpt and demo network contacts when no IP data was
 *        imported ({@code demo-data}, default on)
 */
@ConfigurationProperties("eccp.hosting")
public record HostingProperties(@DefaultValue Dns dns, @DefaultValue Probe probe, @Nullable Path cdnList,
		@DefaultValue("true") boolean demoData) {

	/**
	 * DNS resolution.
	 *
	 * @param servers resolvers to ask, {@code host} or {@code host:port} ({@code servers}); empty: the
	 *        system's resolvers ({@code /etc/resolv.conf})
	 * @param timeout how long one lookup may take ({@code timeout})
	 * @param hosts a fixed table, host name → addresses, consulted before DNS ({@code hosts[www.example.nl]=192.0.2.1,2001:db8::1})
	 * @param fixedOnly never ask DNS, only the fixed table ({@code fixed-only}; the tests' profile sets it so
	 *        that no test reaches the public network)
	 */
	public record Dns(@DefaultValue List<String> servers, @DefaultValue("5s") Duration timeout,
			@DefaultValue Map<String, List<String>> hosts, @DefaultValue("false") boolean fixedOnly) {
	}

	/**
	 * The removal check.
	 *
	 * @param threads probes running at once per node ({@code threads})
	 * @param queue probes that may wait for a thread ({@code queue})
	 * @param connectTimeout connection timeout per hop ({@code connect-timeout})
	 * @param readTimeout how long a host may take to send its status line and headers ({@code read-timeout})
	 * @param maxRedirects redirects followed at most ({@code max-redirects})
	 * @param userAgent the {@code User-Agent} sent ({@code user-agent})
	 * @param allowedPrivateNetworks networks (CIDR, e.g. {@code 127.0.0.1/32}) exempt from the refusal of
	 *        private and reserved addresses ({@code allowed-private-networks}); empty by default, for tests and
	 *        local test hosts only
	 */
	public record Probe(@DefaultValue("4") int threads, @DefaultValue("1000") int queue,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
			@DefaultValue("5") int maxRedirects, @DefaultValue("ECCP-RemovalCheck/1.0") String userAgent,
			@DefaultValue List<String> allowedPrivateNetworks) {

		public Probe {
			if (threads < 1 || queue < 1) {
				throw new IllegalArgumentException("eccp.hosting.probe.threads and .queue must be at least 1");
			}
			if (maxRedirects < 0) {
				throw new IllegalArgumentException("eccp.hosting.probe.max-redirects must not be negative");
			}
		}
	}
}
