package eu.eccp.organisations;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;

import eu.eccp.shared.CallerContext;

/**
 * What the web shell needs to authenticate people and machines. The {@code UserDetails} it loads are
 * also {@link CallerContext.Principal}s.
 */
public interface AccountAuthentication extends UserDetailsService {

	/**
	 * The factor authority (Spring Security's multi-factor authentication) a session gains with a correct
	 * second-factor code; a password login gains {@code FACTOR_PASSWORD}.
	 */
	String SECOND_FACTOR_AUTHORITY = "FACTOR_TOTP";

	/**
	 * The factor a person who must use a second factor but has none lacks until they enrol one (no login
	 * grants it: it stands for the enrolment page).
	 */
	String SECOND_FACTOR_ENROLMENT_AUTHORITY = "FACTOR_TOTP_ENROLMENT";

	/** What a principal's account asks of a login besides the password. */
	@eu.eccp.shared.Labelled(shown = false)
	enum SecondFactor {
		/** Nothing more: the account has no second factor and need not have one. */
		NOT_USED,
		/** A current code of the account's second factor. */
		CODE,
		/** The account must enrol a second factor first (administrators and auditors, when so configured). */
		ENROLMENT
	}

	/** What the principal's account asks besides the password (principals that are not people's accounts: nothing). */
	SecondFactor secondFactor(Object principal);

	/**
	 * Whether the code is a current, unused code of the principal's second factor; a correct code is used up
	 * (never accepted again). The attempt is audited; throttling is the caller's, as for passwords.
	 */
	boolean checkSecondFactor(Object principal, String code);

	/**
	 * The authentication after its principal passed the second factor: the account as it now is (a fresh
	 * security version) with the {@link #SECOND_FACTOR_AUTHORITY} factor added to the authorities it had.
	 */
	Authentication withSecondFactor(Authentication authentication);

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
