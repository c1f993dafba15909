package eu.eccp.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of notifications ({@code eccp.notifications.*}).
 *
 * @param mailFrom sender address of notification e-mails ({@code eccp.notifications.mail-from})
 * @param webhooks options of webhook delivery ({@code eccp.notifications.webhooks.*})
 */
@ConfigurationProperties("eccp.notifications")
public record NotificationsProperties(@DefaultValue("no-reply@eccp.invalid") String mailFrom,
		@DefaultValue Webhooks webhooks) {

	/**
	 * Webhook delivery.
	 *
	 * @param allowHttp accept plain {@code http://} endpoint URLs ({@code allow-http}); off by default, for
	 *        tests and local receivers only
	 * @param allowPrivateAddresses accept endpoints on loopback, private (RFC 1918, unique-local), link-local
	 *        (cloud metadata) and wildcard addresses ({@code allow-private-addresses}); off by default, so that
	 *        an endpoint cannot make the platform call its own network; checked on registration (literal
	 *        addresses, {@code localhost}) and again when each delivery is sent (what the host resolves to)
	 * @param maxAttempts attempts of one delivery before it is given up ({@code max-attempts})
	 * @param baseDelay wait after the first failed attempt; doubled after each further one ({@code base-delay})
	 * @param maxDelay longest wait between two attempts ({@code max-delay})
	 * @param connectTimeout how long to wait for the receiver's connection ({@code connect-timeout})
	 * @param readTimeout how long to wait for the receiver's answer ({@code read-timeout})
	 * @param pollInterval how often the worker looks for due deliveries ({@code poll-interval}, ISO-8601,
	 *        e.g. {@code PT5S}; also read by the scheduler)
	 * @param batchSize deliveries one worker run claims at most ({@code batch-size})
	 */
	public record Webhooks(@DefaultValue("false") boolean allowHttp, @DefaultValue("false") boolean allowPrivateAddresses,
			@DefaultValue("6") int maxAttempts,
			@DefaultValue("30s") Duration baseDelay, @DefaultValue("6h") Duration maxDelay,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
			@DefaultValue("PT5S") Duration pollInterval, @DefaultValue("20") int batchSize) {

		public Webhooks {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("eccp.notifications.webhooks.max-attempts must be at least 1");
			}
		}

		/** Whether the address is one an endpoint may not use unless {@code allow-private-addresses} is set. */
		static boolean isPrivate(java.net.InetAddress address) {
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

		/** The wait after the given number of failed attempts: base, 2×base, 4×base … at most {@code maxDelay}. */
		Duration backoff(int failedAttempts) {
			int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
			Duration delay = baseDelay.multipliedBy(1L << doublings);
			return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
		}
	}
}
