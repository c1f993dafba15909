package eu.eccp.sharing.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Options of the feed client, TAXII collections and MISP feeds ({@code eccp.sharing.feeds.*}).
 *
 * @param pollInterval how often a node looks for sources due to be pulled
 * @param lease how long a node's claim on a source lasts without being renewed (renewed after every page or event)
 * @param baseDelay the wait after a first failed pull, doubled after each further one
 * @param maxDelay the longest wait after failures
 * @param connectTimeout connection timeout towards a source
 * @param readTimeout how long a source may stay silent while answering
 * @param allowHttp accept plain {@code http://} sources (tests and local servers only)
 * @param allowPrivateAddresses accept sources on loopback, private or link-local addresses (checked at registration,
 *        and on every connection against the very addresses it is made to)
 * @param credentialKeyFile the AES-256 key encrypting sources' credentials ({@code DATA_DIR/sharing/feed-credentials.key}
 *        when unset), created on first use
 * @param maxResponseSize the largest answer read from a source (a TAXII page, a MISP manifest or event file)
 * @param mispEventsPerRun the most MISP event files one pull fetches; the rest come with the next pull
 */
@ConfigurationProperties("eccp.sharing.feeds")
public record FeedProperties(@DefaultValue("10s") Duration pollInterval, @DefaultValue("5m") Duration lease,
		@DefaultValue("30s") Duration baseDelay, @DefaultValue("1h") Duration maxDelay,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
		@DefaultValue("false") boolean allowHttp, @DefaultValue("false") boolean allowPrivateAddresses,
		@Nullable Path credentialKeyFile, @DefaultValue("64MB") DataSize maxResponseSize,
		@DefaultValue("500") int mispEventsPerRun) {

	public FeedProperties {
		if (mispEventsPerRun < 1 || maxResponseSize.toBytes() < 1024) {
			throw new IllegalArgumentException(
					"eccp.sharing.feeds: misp-events-per-run must be positive and max-response-size at least 1KB");
		}
	}
}
