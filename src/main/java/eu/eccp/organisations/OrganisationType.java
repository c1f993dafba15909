package eu.eccp.organisations;

import java.util.EnumSet;
import java.util.Set;

/** What kind of organisation takes part in the platform. */
public enum OrganisationType {
	NATIONAL_UNIT,
	CONTACT_POINT,
	HOTLINE,
	ISP,
	HOSTING_PROVIDER,
	REGISTRAR,
	ONLINE_PLATFORM,
	BANK,
	EU_BODY,
	PLATFORM_OPERATOR;

	private static final Set<OrganisationType> PRIVATE_PARTNERS = EnumSet.of(ISP, HOSTING_PROVIDER, REGISTRAR,
			ONLINE_PLATFORM, BANK);

	/** ISPs, hosting providers, registrars, online platforms, banks and payment providers. */
	public boolean isPrivatePartner() {
		return PRIVATE_PARTNERS.contains(this);
	}

	/** Law-enforcement and public bodies: national units, 24/7 points, EU bodies. */
	public boolean isPublicAuthority() {
		return this == NATIONAL_UNIT || this == CONTACT_POINT || this == EU_BODY;
	}
}
