package eu.eccp.platform.web;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.organisations.IssuedToken;
import eu.eccp.shared.CallerContext;
import eu.eccp.platform.internal.SecondFactorCodeException;
import eu.eccp.platform.internal.SecondFactorEnrolmentRequiredException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.SafeText;
import jakarta.servlet.http.HttpServletRequest;
import eu.eccp.shared.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * {@code POST /api/v1/auth/token}: exchanges a username and password for a personal bearer token
 * (the same throttling and auditing as the login form; an account with a second factor also sends its current
 * {@code code}). {@code GET /api/v1/me}: who the token belongs to.
 */
@RestController
@Tag(name = "Authentication")
@RequestMapping("/api/v1")
class AuthTokenController {

	private final AuthenticationManager authentication;
	private final AccountAuthentication accounts;

	AuthTokenController(AuthenticationManager authentication, AccountAuthentication accounts) {
		this.authentication = authentication;
		this.accounts = accounts;
	}

	record Credentials(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String username,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = "password") @Nullable String password,
			@Schema(description = "the current code of the account's second factor (authenticator app), if it has one",
					pattern = "^[0-9]{6}$") @Nullable String code) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	record Me(String userId, String username, String organisationId, String country, Set<Role> roles) {
	}

	@PostMapping("/auth/token")
	@ResponseStatus(HttpStatus.CREATED)
	TokenResponse token(@RequestBody Credentials credentials, HttpServletRequest request) {
		if (credentials.username() == null || credentials.username().isBlank() || credentials.password() == null
				|| credentials.password().isEmpty()) {
			throw new InvalidRequestException(java.util.Map.of("username", "validation.required", "password",
					"validation.required"));
		}
		Authentication authenticated = authentication.authenticate(
				UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
		switch (accounts.secondFactor(authenticated.getPrincipal())) {
			case NOT_USED -> {
			}
			case ENROLMENT -> throw new SecondFactorEnrolmentRequiredException();
			case CODE -> {
				String code = credentials.code();
				if (code == null || code.length() > 20 || !SafeText.isAcceptable(code)
						|| !accounts.checkSecondFactor(authenticated.getPrincipal(), code)) {
					accounts.loginFailed(credentials.username(), request.getRemoteAddr());
					throw new SecondFactorCodeException();
				}
				accounts.loginSucceeded(credentials.username());
			}
		}
		CallerContext caller = ((CallerContext.Principal) authenticated.getPrincipal()).caller();
		IssuedToken issued = accounts.issueSessionToken(caller);
		return new TokenResponse(issued.token(), issued.expiresAt());
	}

	@GetMapping("/me")
	Me me() {
		CallerContext me = CallerContext.require();
		return new Me(me.userId().toString(), me.username(), me.organisationId().toString(), me.country().value(),
				me.roles());
	}
}
