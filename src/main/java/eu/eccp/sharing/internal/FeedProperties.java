package eu.eccp.sharing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the TAXII client ({@code eccp.sharing.feeds.*}).
 *
 * @param pollInterval how often a node looks for sources due to be pulled
 * @param lease how long a node's claim on a source lasts without being renewed (renewed after every page)
 * @param baseDelay the wait after a first failed pull, doubled after each further one
 * @param maxDelay the longest wait after failures
 * @param connectTimeout connection timeout towards a source
 * @param readTimeout how long a source may take to answer one page
 * @param allowHttp accept plain {@code http://} sources (tests and local servers only)
 * @param allowPrivateAddresses accept sources on loopback, private or link-local addresses (checked at registration and
 *        on every pull against what the host resolves to)
 */
@ConfigurationProperties("eccp.sharing.feeds")
public record FeedProperties(@DefaultValue("10s") Duration pollInterval, @DefaultValue("5m") Duration lease,
		@DefaultValue("30s") Duration baseDelay, @DefaultValue("1h") Duration maxDelay,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
		@DefaultValue("false") boolean allowHttp, @DefaultValue("false") boolean allowPrivateAddresses) {
}
