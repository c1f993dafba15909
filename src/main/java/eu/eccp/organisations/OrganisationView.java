package eu.eccp.organisations;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;

/** An organisation as other modules see it. */
public record OrganisationView(OrganisationId id, String name, String shortName, OrganisationType type,
		CountryCode country) {
}
