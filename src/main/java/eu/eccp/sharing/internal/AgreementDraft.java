package eu.eccp.sharing.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A new agreement as the API and the form send it. Organisations are named by short name or id; enum fields take
 * their canonical names (IEP's, with underscores). Everything is checked by {@link SharingAgreements#create}.
 */
public record AgreementDraft(@Nullable String name, @Nullable String description,
		@Nullable List<String> sharingOrganisations, @Nullable List<String> receivingOrganisations,
		@Nullable List<String> indicatorTypes, @Nullable List<String> personalTypes,
		@Nullable List<String> clearValueTypes, @Nullable String clearValuePurpose, @Nullable Boolean pseudonymousSources,
		@Nullable String tlp, @Nullable String pap, @Nullable String encryptInTransit, @Nullable String permittedActions,
		@Nullable String affectedPartyNotifications, @Nullable String attribution, @Nullable String unmodifiedResale,
		@Nullable String resharing, @Nullable Integer retentionDays, @Nullable String validFrom,
		@Nullable String validUntil, @Nullable Boolean writable) {
}
