package eu.eccp.platform.internal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import eu.eccp.organisations.AccountAuthentication;

/**
 * Two filter chains: the API ({@code /api/**}, {@code /actuator/**}) is stateless with bearer tokens and
 * answers 401/403 as problem details; the web UI uses form login with sessions and CSRF protection.
 * Both send the same security headers. Authorisation is enforced again in the services. Accounts with a second
 * factor give a code on a second step of the web login ({@code /login/code}) before anything but that step is
 * allowed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** No inline scripts or styles anywhere; nothing may frame the platform. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * Swagger UI (third-party) injects a style element; only its pages may use inline styles. Scripts stay
	 * restricted to the platform's own files there too.
	 */
	static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-inline'");

	/**
	 * No Spring Security observations: with only {@code management.observations.enable.spring.security=false}
	 * the chain is still wrapped in a decorator that asks for (and discards) an observation around every filter
	 * of every request; without it the filters run directly. The HTTP server's own observation
	 * ({@code http.server.requests}) still measures each request.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AccountAuthentication accounts, ProblemResponses problems)
			throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new BearerTokenFilter(accounts, problems), AbstractPreAuthenticatedProcessingFilter.class)
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
				.requestMatchers("/api/v1/public/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "Authentication is required: send 'Authorization: Bearer TOKEN'."))
				.accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"Your roles do not allow this.")));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, AccountAuthentication accounts,
			org.springframework.security.authentication.AuthenticationManager passwords,
			@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
			org.springframework.beans.factory.ObjectProvider<org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping> mappings)
			throws Exception {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		// One answer for a wrong password, an unknown or a disabled account; only a throttled attempt differs,
		// and throttling treats unknown account names like known ones.
		failures.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), "/login?throttled"));
		// The login form uses the same throttled password check as POST /api/v1/auth/token.
		http.authenticationManager(passwords);
		// Multi-factor authentication: every rule but the public pages also asks for the second factor of accounts
		// that have one (or for enrolment, where it is required and missing). The code step and the enrolment page
		// are reachable with the password alone.
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> factors = new DefaultAuthorizationManagerFactory<>();
		factors.setAdditionalAuthorization(new SecondFactorAuthorization(accounts, false));
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> enrolment = new DefaultAuthorizationManagerFactory<>();
		enrolment.setAdditionalAuthorization(new SecondFactorAuthorization(accounts, true));
		AuthorizationManager<RequestAuthorizationContext> signedIn = factors.authenticated();
		// RFC 8058 one-click unsubscribe: mail programs POST to the link in List-Unsubscribe without a CSRF token
		// (the token in the link is the credential; the POST only ends a subscription)
		http.csrf(csrf -> csrf.ignoringRequestMatchers("/advisories/subscription/unsubscribe/*"));
		http.authorizeHttpRequests(authorize -> authorize
			// the front door: public for visitors, the dashboard (with every factor) for a signed-in person
			.requestMatchers("/").access((authentication, context) -> {
				Authentication who = authentication.get();
				return who == null || who instanceof AnonymousAuthenticationToken ? new AuthorizationDecision(true)
						: signedIn.authorize(authentication, context);
			})
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/report", "/report/**",
					"/blocklist/stop/**", "/blocklist/review", "/training/public/**", "/statistics", "/statistics/download",
					"/advisories", "/advisories/**")
			.permitAll()
			.requestMatchers("/login/code").authenticated()
			.requestMatchers("/account/security", "/account/security/**").access(enrolment.authenticated())
			.requestMatchers("/admin/**").access(factors.hasRole("ADMIN"))
			.requestMatchers("/audit/**").access(factors.hasRole("AUDITOR"))
			.anyRequest().access(factors.authenticated()))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint(new VisitorEntryPoint(mappings))
				.defaultDeniedHandlerForMissingAuthority(new LoginUrlAuthenticationEntryPoint("/login/code"),
						AccountAuthentication.SECOND_FACTOR_AUTHORITY)
				.defaultDeniedHandlerForMissingAuthority(new LoginUrlAuthenticationEntryPoint("/account/security"),
						AccountAuthentication.SECOND_FACTOR_ENROLMENT_AUTHORITY))
			.formLogin(form -> form.loginPage("/login").failureHandler(failures).defaultSuccessUrl("/", false))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.addFilterAfter(new SessionValidityFilter(accounts),
					org.springframework.security.web.context.SecurityContextHolderFilter.class);
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers
			.addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
					request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui/") ? SWAGGER_UI_POLICY
							: CONTENT_SECURITY_POLICY))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
	}
}
