package eu.eccp.platform.internal;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.TokenCallers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API calls by {@code Authorization: Bearer TOKEN}. A request without the header stays
 * anonymous (and gets 401 where authentication is needed); a request with an unknown, expired or revoked
 * token gets 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final AccountAuthentication accounts;
	private final ProblemResponses problems;

	BearerTokenFilter(AccountAuthentication accounts, ProblemResponses problems) {
		this.accounts = accounts;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<CallerContext> caller = accounts.authenticateToken(header.substring(7).strip());
		if (caller.isEmpty()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "The token is unknown, expired or revoked.");
			return;
		}
		TokenCallers.continueAs(caller.get(), request, response, chain);
	}
}
