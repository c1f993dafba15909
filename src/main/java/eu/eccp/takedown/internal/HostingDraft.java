package eu.eccp.takedown.internal;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where an analyst found the item hosted (form or JSON). */
public record HostingDraft(
		@Schema(description = "ISO 3166-1 alpha-2", example = "NL") @Nullable String country,
		@Schema(maxLength = 200, description = "the host provider's name") @Nullable String provider,
		@Schema(description = "the host's organisation on the platform: id or short name") @Nullable String hostOrganisation,
		@Schema(format = "email", description = "abuse address of a host not on the platform") @Nullable String abuseEmail,
		@Schema(allowableValues = { "en", "fr", "de" }) @Nullable String language,
		@Nullable Boolean behindCdn) {
}
