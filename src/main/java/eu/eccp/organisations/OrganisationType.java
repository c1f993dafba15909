package eu.eccp.organisations;

import java.util.EnumSet;
import java.util.Set;

import eu.eccp.shared.Role;

/** What kind of organisation takes part in the platform. */
@eu.eccp.shared.Labelled("orgtype")
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
	/** Training organisers (CEPOL, ECTEG, EJTN, national police and judicial academies): they publish courses. */
	TRAINING_ORGANISER,
	PLATFORM_OPERATOR;

	private static final Set<OrganisationType> PRIVATE_PARTNERS = EnumSet.of(ISP, HOSTING_PROVIDER, REGISTRAR,
			ONLINE_PLATFORM, BANK);

	/** ISPs, hosting providers, registrars, online platforms, banks and payment providers. */
	public boolean isPrivatePartner() {
		return PRIVATE_PARTNERS.contains(this);
	}

	/**
	 * The roles people of this kind of organisation may hold (the README's roles matrix). Every organisation
	 * may have administrators of its own; platform-wide duties (auditing, coordination, statistics, training)
	 * belong to the platform operator and, for coordination, statistics and training, to EU bodies.
	 */
	public Set<Role> assignableRoles() {
		return switch (this) {
			case NATIONAL_UNIT -> EnumSet.of(Role.ANALYST, Role.CONTACT_POINT_OFFICER, Role.BLOCKLIST_OFFICER, Role.ADMIN);
			case CONTACT_POINT -> EnumSet.of(Role.CONTACT_POINT_OFFICER, Role.ANALYST, Role.ADMIN);
			case HOTLINE -> EnumSet.of(Role.HOTLINE_ANALYST, Role.BLOCKLIST_OFFICER, Role.ADMIN);
			case ISP, HOSTING_PROVIDER, REGISTRAR, ONLINE_PLATFORM, BANK -> EnumSet.of(Role.PARTNER, Role.ADMIN);
			case EU_BODY -> EnumSet.of(Role.ANALYST, Role.COORDINATOR, Role.STATISTICIAN, Role.TRAINER,
					Role.BLOCKLIST_OFFICER, Role.ADMIN);
			case TRAINING_ORGANISER -> EnumSet.of(Role.TRAINER, Role.ADMIN);
			case PLATFORM_OPERATOR -> EnumSet.of(Role.AUDITOR, Role.COORDINATOR, Role.STATISTICIAN, Role.TRAINER,
					Role.ADMIN);
		};
	}

	/** Law-enforcement and public bodies: national units, 24/7 points, EU bodies. */
	public boolean isPublicAuthority() {
		return this == NATIONAL_UNIT || this == CONTACT_POINT || this == EU_BODY;
	}
}
