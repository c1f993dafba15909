package eu.eccp.takedown.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;

/**
 * Where an item is hosted and who must act: recorded by an analyst, or looked up (the hosting module resolves
 * the host to its addresses, country, autonomous system and network owner, and knows CDNs and abuse contacts;
 * its result is stored here with {@link Source#LOOKUP}).
 *
 * @param provider the host provider's name as known (the network owner, or what the analyst wrote)
 * @param hostOrganisation the host's organisation on the platform, if it has one (notices go to its inbox)
 * @param abuseEmail the host's abuse address for hosts not on the platform (notices by e-mail)
 * @param language the host's declared language for notices (en, fr, de)
 */
public record HostingLocation(@Nullable CountryCode country, @Nullable String provider,
		@Nullable OrganisationId hostOrganisation, @Nullable String abuseEmail, @Nullable String language,
		@Nullable Long asn, @Nullable String networkOwner, List<String> addresses, boolean behindCdn, Source source) {

	public enum Source {
		ANALYST, LOOKUP
	}

	public HostingLocation {
		addresses = List.copyOf(addresses);
	}
}
