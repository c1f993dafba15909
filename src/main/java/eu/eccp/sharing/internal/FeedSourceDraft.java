package eu.eccp.sharing.internal;

import org.jspecify.annotations.Nullable;

/**
 * A new TAXII source: the collection's URL ({@code https://host/api-root/collections/ID/}), the user name for HTTP
 * Basic (none: the secret is sent as a Bearer token), the secret, the marking of objects that carry none, how often
 * to pull (seconds, at least 60) and the page size asked for.
 */
public record FeedSourceDraft(@Nullable String name, @Nullable String url, @Nullable String username,
		@Nullable String secret, @Nullable String tlp, @Nullable Integer intervalSeconds, @Nullable Integer pageSize) {
}
