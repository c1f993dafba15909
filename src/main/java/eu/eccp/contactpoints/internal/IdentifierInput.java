package eu.eccp.contactpoints.internal;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * An identifier as sent: {@code type} one of {@link IdentifierType}, {@code observedAt} an ISO local date
 * and time ({@code 2026-11-28T14:30:00}) read in {@code timeZone} (an IANA zone such as {@code Europe/Paris},
 * or {@code UTC}).
 */
public record IdentifierInput(
		@Schema(implementation = IdentifierType.class, requiredMode = RequiredMode.REQUIRED) @Nullable String type,
		@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String value,
		@Schema(description = "the service an ACCOUNT is at") @Nullable String service,
		@Schema(description = "when an IP_ADDRESS was seen: an ISO 8601 local date-time read in timeZone",
				example = "2026-11-28T14:30:00") @Nullable String observedAt,
		@Schema(description = "IANA time zone of observedAt", example = "Europe/Paris") @Nullable String timeZone) {
}
