/**
 * Organisations (national units, 24/7 contact points, hotlines, private partners, EU bodies, the platform
 * operator), the people who work for them, their roles, and API tokens.
 *
 * <p>Published: the {@link eu.eccp.organisations.Organisations} directory and the
 * {@link eu.eccp.organisations.AccountAuthentication} the web shell authenticates with.
 */
@NullMarked
@ApplicationModule(displayName = "Organisations and accounts",
		allowedDependencies = { "shared", "audit" })
package eu.eccp.organisations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
