package eu.eccp.sharing.internal;

import org.jspecify.annotations.Nullable;

/**
 * A feed source as given to add or change it: its kind ({@code TAXII}, the default: a TAXII 2.1 collection's URL
 * {@code https://host/api-root/collections/ID/}; {@code MISP}: a MISP feed's URL, the folder holding
 * {@code manifest.json}), the user name for HTTP Basic (none: the secret is sent as a Bearer token), the secret (on a
 * change, blank keeps the stored one), the marking of objects that carry none, how often to pull (seconds, at least
 * 60), the TAXII page size asked for and whether the source is pulled at all.
 */
public record FeedSourceDraft(@Nullable String name, @Nullable String url, @Nullable String username,
		@Nullable String secret, @Nullable String tlp, @Nullable Integer intervalSeconds, @Nullable Integer pageSize,
		@Nullable String kind, @Nullable Boolean enabled) {

	/** A TAXII source as earlier clients sent it. */
	public FeedSourceDraft(@Nullable String name, @Nullable String url, @Nullable String username,
			@Nullable String secret, @Nullable String tlp, @Nullable Integer intervalSeconds, @Nullable Integer pageSize) {
		this(name, url, username, secret, tlp, intervalSeconds, pageSize, null, null);
	}
}
