package eu.eccp.organisations.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the first administrator is created outside demo mode ({@code eccp.admin.*}, e.g. the environment
 * variables {@code ECCP_ADMIN_USERNAME} and {@code ECCP_ADMIN_PASSWORD}). There is no default password:
 * without one, no administrator is created and the log says how to create one.
 *
 * @param username the first administrator's username
 * @param password the first administrator's password (at least {@code eccp.accounts.min-password-length})
 * @param organisation the name of the platform operator organisation created with them
 * @param country the operator's country (ISO 3166-1 alpha-2)
 */
@ConfigurationProperties("eccp.admin")
public record AdminBootstrapProperties(@DefaultValue("admin") String username, @Nullable String password,
		@DefaultValue("ECCP Platform Operator") String organisation, @DefaultValue("BE") String country) {
}
