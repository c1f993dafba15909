package eu.eccp.organisations;

import java.util.List;
import java.util.Optional;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;

/** The directory of organisations, for other modules (routing, contact points, hits). */
public interface Organisations {

	Optional<OrganisationView> find(OrganisationId id);

	/** Organisations of a country and type, e.g. the national unit of FR. */
	List<OrganisationView> find(CountryCode country, OrganisationType type);

	Optional<OrganisationView> findByShortName(String shortName);

	List<OrganisationView> findByType(OrganisationType type);

	long count();
}
