package eu.eccp.contactpoints.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A validated identifier of a request, in canonical form.
 *
 * @param service the service an account or address belongs to (e.g. the platform's name), if given
 * @param observedAt when an IP address was seen (required for IP addresses)
 * @param timeZone the zone the moment was given in (required for IP addresses)
 */
public record Identifier(IdentifierType type, String value, @Nullable String service, @Nullable Instant observedAt,
		@Nullable String timeZone) {
}
