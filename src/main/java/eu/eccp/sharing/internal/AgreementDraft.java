package eu.eccp.sharing.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A new agreement as the API and the form send it. Organisations are named by short name or id; enum fields take
 * their canonical names (IEP's, with underscores). Everything is checked by {@link SharingAgreements#create}.
 */
public record AgreementDraft(@io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED, maxLength = 200) @Nullable String name, @Nullable String description,
		@Nullable List<String> sharingOrganisations, @Nullable List<String> receivingOrganisations,
		@Nullable List<String> indicatorTypes, @Nullable List<String> personalTypes,
		@Nullable List<String> clearValueTypes, @Nullable String clearValuePurpose, @Nullable Boolean pseudonymousSources,
		@io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "CLEAR", "GREEN", "AMBER" }, requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) @Nullable String tlp, @io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "CLEAR", "GREEN", "AMBER", "RED" }) @Nullable String pap, @io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "MUST", "MAY" }) @Nullable String encryptInTransit, 
		@io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "NONE", "CONTACT_FOR_INSTRUCTION", "INTERNALLY_VISIBLE_ACTIONS", "EXTERNALLY_VISIBLE_INDIRECT_ACTIONS", "EXTERNALLY_VISIBLE_DIRECT_ACTIONS" }) @Nullable String permittedActions,
		
		@io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "MAY", "MUST_NOT" }) @Nullable String affectedPartyNotifications, @io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "MAY", "MUST", "MUST_NOT" }) @Nullable String attribution, 
		@io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "MAY", "MUST_NOT" }) @Nullable String unmodifiedResale,
		@io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "MAY", "MUST_NOT" }) @Nullable String resharing, @Nullable Integer retentionDays, @io.swagger.v3.oas.annotations.media.Schema(format = "date") @Nullable String validFrom,
		
		@io.swagger.v3.oas.annotations.media.Schema(format = "date") @Nullable String validUntil, @Nullable Boolean writable,
		@io.swagger.v3.oas.annotations.media.Schema(description = "also publish the agreement's TLP:CLEAR indicators of types that are not personal data in the public collection") @Nullable Boolean publicClear) {

	/** An agreement that publishes nothing in the public collection. */
	public AgreementDraft(@Nullable String name, @Nullable String description, @Nullable List<String> sharingOrganisations,
			@Nullable List<String> receivingOrganisations, @Nullable List<String> indicatorTypes,
			@Nullable List<String> personalTypes, @Nullable List<String> clearValueTypes, @Nullable String clearValuePurpose,
			@Nullable Boolean pseudonymousSources, @Nullable String tlp, @Nullable String pap,
			@Nullable String encryptInTransit, @Nullable String permittedActions, @Nullable String affectedPartyNotifications,
			@Nullable String attribution, @Nullable String unmodifiedResale, @Nullable String resharing,
			@Nullable Integer retentionDays, @Nullable String validFrom, @Nullable String validUntil,
			@Nullable Boolean writable) {
		this(name, description, sharingOrganisations, receivingOrganisations, indicatorTypes, personalTypes, clearValueTypes,
				clearValuePurpose, pseudonymousSources, tlp, pap, encryptInTransit, permittedActions,
				affectedPartyNotifications, attribution, unmodifiedResale, resharing, retentionDays, validFrom, validUntil,
				writable, null);
	}
}
