package eu.eccp.organisations;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetailsService;

import eu.eccp.shared.CallerContext;

/**
 * What the web shell needs to authenticate people and machines. The {@code UserDetails} it loads are
 * also {@link CallerContext.Principal}s.
 */
public interface AccountAuthentication extends UserDetailsService {

	/** The caller a bearer token stands for, if the token is known, unexpired, unrevoked and its account usable. */
	Optional<CallerContext> authenticateToken(String bearerToken);

	/** Issues a short-lived personal API token for an authenticated person. */
	IssuedToken issueSessionToken(CallerContext caller);

	/**
	 * Whether a web session's principal still stands for the account as it is: false once the account was
	 * disabled, its roles or its password changed since the session began (the session must then end).
	 * Principals that are not people's accounts are always current.
	 */
	boolean isCurrent(Object principal);

	/**
	 * How long a login attempt for this account name from this client address must still wait, if at all
	 * (failed logins slow further attempts down; they never lock an account).
	 */
	Optional<Duration> loginWait(String username, String clientAddress);

	/** Clears the account's failed-login count after a successful login. */
	void loginSucceeded(String username);

	/** Counts a failed login for the account name (known or not) and the client address. */
	void loginFailed(String username, String clientAddress);
}
