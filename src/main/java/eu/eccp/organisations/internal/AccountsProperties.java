package eu.eccp.organisations.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options for accounts and tokens ({@code eccp.accounts.*}).
 *
 * @param sessionTokenTtl how long a personal token from {@code POST /api/v1/auth/token} is valid
 * @param serviceTokenTtl how long an organisation's service token is valid unless another expiry is chosen
 * @param serviceTokenMaxTtl the longest lifetime a service token may be given
 * @param minPasswordLength the shortest password accepted for a new or changed password
 * @param loginFreeAttempts failed logins for one account name before each further attempt must wait
 * @param loginFreeAttemptsPerClient failed logins from one client address before each further attempt must wait
 * @param loginBaseDelay the first wait; it doubles with each further failure
 * @param loginMaxDelayPerAccount the longest wait one account name can be made to wait
 * @param loginMaxDelayPerClient the longest wait one client address can be made to wait
 * @param requireSecondFactorForAdmins whether people with the ADMIN or AUDITOR role must use a second factor:
 *        without one, after their password they can only enrol one, and the token API refuses them
 * @param secondFactorKeyFile the AES key encrypting second-factor secrets ({@code DATA_DIR/accounts/second-factor.key}
 *        when unset), created on first use; every node of a cluster needs the same file
 */
@ConfigurationProperties("eccp.accounts")
public record AccountsProperties(@DefaultValue("8h") Duration sessionTokenTtl,
		@DefaultValue("365d") Duration serviceTokenTtl, @DefaultValue("365d") Duration serviceTokenMaxTtl,
		@DefaultValue("12") int minPasswordLength, @DefaultValue("5") int loginFreeAttempts,
		@DefaultValue("20") int loginFreeAttemptsPerClient, @DefaultValue("1s") Duration loginBaseDelay,
		@DefaultValue("1m") Duration loginMaxDelayPerAccount, @DefaultValue("15m") Duration loginMaxDelayPerClient,
		@DefaultValue("false") boolean requireSecondFactorForAdmins, @Nullable Path secondFactorKeyFile) {
}
