package eu.eccp.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

import eu.eccp.organisations.AccountAuthentication;

/**
 * Username and password authentication, shared by the login form and {@code POST /api/v1/auth/token}.
 * It publishes success and failure events, which drive the audit trail and the failed-login throttling.
 */
@Configuration(proxyBeanMethods = false)
class PasswordAuthenticationConfiguration {

	@Bean
	AuthenticationManager authenticationManager(AccountAuthentication accounts, PasswordEncoder passwordEncoder,
			AuthenticationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwordEncoder);
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}
}
