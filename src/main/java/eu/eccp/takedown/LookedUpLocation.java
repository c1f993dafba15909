package eu.eccp.takedown;

import java.util.List;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;

/**
 * Where an item's host was found to be by a lookup (DNS, IP-to-country and IP-to-ASN data, the CDN list, the
 * abuse-contact table): what the hosting module hands to {@link ItemLocations}.
 *
 * @param hostOrganisation the network's organisation on the platform, if it has one
 * @param abuseEmail the abuse contact for hosts not on the platform
 * @param language the host's declared language for notices (en, fr, de), if known
 * @param behindCdn the address belongs to a CDN or reverse proxy (the notice asks it to forward)
 */
public record LookedUpLocation(@Nullable CountryCode country, @Nullable Long asn, @Nullable String networkOwner,
		List<String> addresses, boolean behindCdn, @Nullable OrganisationId hostOrganisation,
		@Nullable String abuseEmail, @Nullable String language) {

	public LookedUpLocation {
		addresses = List.copyOf(addresses);
	}
}
