package eu.eccp.platform.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.shared.SafeText;

/**
 * Username and password authentication, shared by the login form and {@code POST /api/v1/auth/token}.
 * Failed attempts slow further attempts for the account name and the client address down (never a lock);
 * every failure, whatever its cause, looks the same to the caller. For an account with a second factor, a right
 * password is only the first step: the count is cleared once the code is right too. It publishes success and failure
 * events, which drive the audit trail.
 */
@Configuration(proxyBeanMethods = false)
class PasswordAuthenticationConfiguration {

	@Bean
	AuthenticationManager authenticationManager(AccountAuthentication accounts, PasswordEncoder passwordEncoder,
			AuthenticationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		ProviderManager manager = new ProviderManager(new ThrottledPasswords(passwords, accounts));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/** Applies the login throttle around the password check. */
	static final class ThrottledPasswords implements AuthenticationProvider {

		private final AuthenticationProvider passwords;
		private final AccountAuthentication accounts;

		ThrottledPasswords(AuthenticationProvider passwords, AccountAuthentication accounts) {
			this.passwords = passwords;
			this.accounts = accounts;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			String username = String.valueOf(authentication.getName());
			String client = clientAddress();
			Optional<Duration> wait = accounts.loginWait(username, client);
			if (wait.isPresent()) {
				throw new LoginThrottledException(wait.get());
			}
			try {
				Object password = authentication.getCredentials();
				if (!SafeText.isAcceptable(username) || !(password instanceof String text)
						|| !SafeText.isAcceptable(text)) {
					throw new BadCredentialsException("Bad credentials");
				}
				Authentication authenticated = passwords.authenticate(authentication);
				if (accounts.secondFactor(authenticated.getPrincipal()) != AccountAuthentication.SecondFactor.CODE) {
					accounts.loginSucceeded(username);
				}
				// else the login succeeds only with the code: until then, failures keep counting (a right password
				// must not clear the count that wrong codes built up)
				return authenticated;
			}
			catch (AuthenticationException e) {
				accounts.loginFailed(username.length() > 100 ? username.substring(0, 100) : username, client);
				throw e;
			}
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

		private static String clientAddress() {
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
				return attributes.getRequest().getRemoteAddr();
			}
			return "unknown";
		}
	}
}
