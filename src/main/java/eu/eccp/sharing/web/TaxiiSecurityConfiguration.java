package eu.eccp.sharing.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.TokenCallers;
import eu.eccp.sharing.internal.SharingProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The TAXII server ({@code /taxii2/**}) and the feeds ({@code /feeds/**}) are stateless: an organisation's service
 * token (or a personal API token) as {@code Authorization: Bearer TOKEN}, or as the password of HTTP Basic (any user
 * name), which is what most TAXII clients and MISP's feed settings can send. Failures are answered as TAXII error
 * messages. The public TLP:CLEAR collection ({@code /taxii2/public/**}) needs no account; it answers 404 unless the
 * operator enables it ({@code eccp.sharing.public-collection}). When it is enabled, discovery ({@code /taxii2/}) is
 * readable without an account too, so a TAXII client can find the public API root on its own; everything else still
 * answers 401 to a request without a token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TaxiiSecurityConfiguration {

	static final String CHALLENGE = "Basic realm=\"ECCP TAXII\", Bearer realm=\"ECCP TAXII\"";

	@Bean
	@Order(0)
	SecurityFilterChain taxiiChain(HttpSecurity http, AccountAuthentication accounts, SharingProperties sharing)
			throws Exception {
		RequestMatcher anonymousDiscovery = request -> sharing.publicCollection()
				&& ("/taxii2/".equals(path(request)) || "/taxii2".equals(path(request)));
		http.securityMatcher("/taxii2/**", "/feeds/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new TokenFilter(accounts), AbstractPreAuthenticatedProcessingFilter.class)
			.authorizeHttpRequests(authorize -> authorize.requestMatchers("/taxii2/public/**").permitAll()
				.requestMatchers(anonymousDiscovery).permitAll()
				.anyRequest().authenticated())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> unauthorised(response,
						"Authentication is required: an organisation's token as Bearer token or as Basic password."))
				.accessDeniedHandler((request, response, e) -> TaxiiErrors.write(response, 403, "Forbidden", null)))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	static void unauthorised(HttpServletResponse response, String description) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		TaxiiErrors.write(response, 401, "Unauthorized", description);
	}

	/** Reads the token from Bearer or Basic; a wrong token is refused at once, none leaves the request anonymous. */
	static final class TokenFilter extends OncePerRequestFilter {

		private final AccountAuthentication accounts;

		TokenFilter(AccountAuthentication accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			String token = token(header);
			if (token == null) {
				chain.doFilter(request, response);
				return;
			}
			Optional<CallerContext> caller = token.isBlank() ? Optional.empty() : accounts.authenticateToken(token);
			if (caller.isEmpty()) {
				unauthorised(response, "The token is unknown, expired or revoked.");
				return;
			}
			TokenCallers.continueAs(caller.get(), request, response, chain);
		}

		static @org.jspecify.annotations.Nullable String token(@org.jspecify.annotations.Nullable String header) {
			if (header == null) {
				return null;
			}
			if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return header.substring(7).strip();
			}
			if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
				try {
					String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
					int colon = decoded.indexOf(':');
					return colon < 0 ? "" : decoded.substring(colon + 1);
				}
				catch (IllegalArgumentException notBase64) {
					return "";
				}
			}
			return null;
		}
	}
}
