package eu.eccp.contactpoints.internal;

import org.jspecify.annotations.Nullable;

/**
 * An identifier as sent: {@code type} one of {@link IdentifierType}, {@code observedAt} an ISO local date
 * and time ({@code 2026-11-28T14:30:00}) read in {@code timeZone} (an IANA zone such as {@code Europe/Paris},
 * or {@code UTC}).
 */
public record IdentifierInput(@Nullable String type, @Nullable String value, @Nullable String service,
		@Nullable String observedAt, @Nullable String timeZone) {
}
