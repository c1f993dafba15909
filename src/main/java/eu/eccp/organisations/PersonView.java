package eu.eccp.organisations;

import java.util.Set;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;

/** A person as other modules see them (for assignment and display): no contact details. */
public record PersonView(UserId id, String username, String displayName, OrganisationId organisationId,
		Set<Role> roles, boolean enabled) {
}
