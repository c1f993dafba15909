/**
 * Organisations (national units, 24/7 contact points, hotlines, private partners, EU bodies, the platform
 * operator), the people who work for them, their roles, and API tokens.
 *
 * <p>Published: the {@link eu.eccp.organisations.Organisations} directory ({@link eu.eccp.organisations.OrganisationView},
 * {@link eu.eccp.organisations.OrganisationType}), {@link eu.eccp.organisations.People} ({@link eu.eccp.organisations.PersonView}),
 * the {@link eu.eccp.organisations.AccountAuthentication} the web shell authenticates with and the
 * {@link eu.eccp.organisations.IssuedToken}s it hands out, and the event {@link eu.eccp.organisations.OrganisationRegistered}.
 */
@NullMarked
@ApplicationModule(displayName = "Organisations and accounts",
		allowedDependencies = { "shared", "audit" })
package eu.eccp.organisations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
