package eu.eccp.shared;

import java.io.IOException;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * How a request authenticated with an API token runs: as the token's caller, for that request only (stateless,
 * nothing kept in a session). The platform's bearer-token filter and the TAXII/feed chain both use it.
 */
public final class TokenCallers {

	/** The principal of a request authenticated with a token. */
	public record TokenPrincipal(CallerContext caller) implements CallerContext.Principal {

		@Override
		public String toString() {
			return caller.username();
		}
	}

	private TokenCallers() {
	}

	/** Runs the rest of the filter chain as {@code caller}, and forgets the caller afterwards. */
	public static void continueAs(CallerContext caller, ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		PreAuthenticatedAuthenticationToken authentication = new PreAuthenticatedAuthenticationToken(
				new TokenPrincipal(caller), null,
				caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
