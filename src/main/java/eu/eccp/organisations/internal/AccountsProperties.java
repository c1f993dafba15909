package eu.eccp.organisations.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options for accounts and tokens ({@code eccp.accounts.*}).
 *
 * @param sessionTokenTtl how long a personal token from {@code POST /api/v1/auth/token} is valid
 * @param serviceTokenTtl how long an organisation's service token is valid unless another expiry is chosen
 * @param maxFailedLogins failed logins in a row after which an account is locked for {@code lockout}
 * @param lockout how long the first lock lasts; each further failure doubles it, up to a day
 * @param minPasswordLength the shortest password accepted for a new or changed password
 */
@ConfigurationProperties("eccp.accounts")
public record AccountsProperties(@DefaultValue("8h") Duration sessionTokenTtl,
		@DefaultValue("365d") Duration serviceTokenTtl, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration lockout, @DefaultValue("12") int minPasswordLength) {
}
