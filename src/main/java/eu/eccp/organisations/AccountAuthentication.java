package eu.eccp.organisations;

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

	/** Resets the failed-login counter after a successful login. */
	void loginSucceeded(String username);

	/** Counts a failed login; enough of them in a row lock the account for a while. */
	void loginFailed(String username);
}
