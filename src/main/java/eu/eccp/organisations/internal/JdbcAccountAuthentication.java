package eu.eccp.organisations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.organisations.IssuedToken;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.UserId;

@Service
class JdbcAccountAuthentication implements AccountAuthentication {

	private final UserRepository users;
	private final ApiTokenRepository tokens;
	private final OrganisationRepository organisations;
	private final AccountsProperties properties;
	private final LoginThrottle throttle;
	private final AuditTrail audit;
	private final Clock clock;
	private final boolean demoMode;

	JdbcAccountAuthentication(UserRepository users, ApiTokenRepository tokens, OrganisationRepository organisations,
			AccountsProperties properties, LoginThrottle throttle, AuditTrail audit, Clock clock, @Value("${eccp.demo:false}") boolean demoMode) {
		this.users = users;
		this.tokens = tokens;
		this.organisations = organisations;
		this.properties = properties;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
		this.demoMode = demoMode;
	}

	static String normalise(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(normalise(username))
			.map(user -> new AccountUserDetails(user, demoMode, clock.instant()))
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	@Override
	@Transactional
	public Optional<CallerContext> authenticateToken(String bearerToken) {
		if (!bearerToken.startsWith(Tokens.PREFIX)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return tokens.findActiveByHash(Tokens.hash(bearerToken), now).flatMap(token -> {
			if (token.userId() != null) {
				return users.findById(new UserId(token.userId()))
					.map(user -> new AccountUserDetails(user, demoMode, now))
					.filter(details -> details.isEnabled() && details.isAccountNonLocked())
					.map(AccountUserDetails::caller);
			}
			return organisations.findById(token.organisationId())
				.map(org -> new CallerContext(new UserId(token.id()), "token:" + token.name(), org.id(),
						org.country(), token.roles(), org.type() == OrganisationType.PLATFORM_OPERATOR));
		});
	}

	@Override
	@Transactional
	public IssuedToken issueSessionToken(CallerContext caller) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.sessionTokenTtl());
		String token = Tokens.generate();
		UUID id = UUID.randomUUID();
		tokens.insert(id, Tokens.hash(token), "SESSION", "personal token of " + caller.username(),
				caller.organisationId(), caller.userId(), caller.roles(), caller.userId(), now, expiresAt);
		audit.record(AuditActor.of(caller), AuditEvent.of("token.issued", "api_token", id).withDetail("kind=SESSION"));
		return new IssuedToken(id, token, expiresAt);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isCurrent(Object principal) {
		if (!(principal instanceof AccountUserDetails account)) {
			return true;
		}
		return users.enabledSecurityVersion(account.caller().userId())
			.filter(version -> version == account.securityVersion())
			.isPresent();
	}

	@Override
	public Optional<Duration> loginWait(String username, String clientAddress) {
		return throttle.waitBefore(username, clientAddress);
	}

	@Override
	@Transactional
	public void loginSucceeded(String username) {
		throttle.succeeded(username);
		users.recordSuccessfulLogin(normalise(username), clock.instant());
	}

	@Override
	@Transactional
	public void loginFailed(String username, String clientAddress) {
		throttle.failed(username, clientAddress);
		users.recordFailedLogin(normalise(username));
	}
}
