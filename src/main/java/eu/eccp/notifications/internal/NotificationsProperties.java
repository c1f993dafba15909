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
			return eu.eccp.shared.NetworkAddresses.isPrivateOrReserved(address);
		}

		/** The wait after the given number of failed attempts: base, 2×base, 4×base … at most {@code maxDelay}. */
		Duration backoff(int failedAttempts) {
			int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
			Duration delay = baseDelay.multipliedBy(1L << doublings);
			return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
		}
	}
}
