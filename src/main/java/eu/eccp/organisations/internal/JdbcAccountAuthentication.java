package eu.eccp.organisations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
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
	private final SecondFactors secondFactors;
	private final AuditTrail audit;
	private final Clock clock;
	private final boolean demoMode;

	JdbcAccountAuthentication(UserRepository users, ApiTokenRepository tokens, OrganisationRepository organisations,
			AccountsProperties properties, LoginThrottle throttle, SecondFactors secondFactors, AuditTrail audit, Clock clock,
			@Value("${eccp.demo:false}") boolean demoMode) {
		this.users = users;
		this.tokens = tokens;
		this.organisations = organisations;
		this.properties = properties;
		this.throttle = throttle;
		this.secondFactors = secondFactors;
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

	@Override
	public SecondFactor secondFactor(Object principal) {
		if (!(principal instanceof AccountUserDetails account)) {
			return SecondFactor.NOT_USED;
		}
		if (account.secondFactor()) {
			return SecondFactor.CODE;
		}
		return secondFactors.requiredFor(account.caller()) ? SecondFactor.ENROLMENT : SecondFactor.NOT_USED;
	}

	@Override
	@Transactional
	public boolean checkSecondFactor(Object principal, String code) {
		if (!(principal instanceof AccountUserDetails account) || !account.secondFactor()) {
			return false;
		}
		boolean right = secondFactors.verify(account.caller().userId(), code);
		audit.record(AuditActor.of(account.caller()), AuditEvent
			.of(right ? "login.second-factor.succeeded" : "login.second-factor.failed", "user", account.caller().userId()));
		return right;
	}

	@Override
	@Transactional(readOnly = true)
	public Authentication withSecondFactor(Authentication authentication) {
		UserDetails fresh = loadUserByUsername(authentication.getName());
		List<GrantedAuthority> authorities = new ArrayList<>(fresh.getAuthorities());
		authentication.getAuthorities().stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.filter(factor -> !SECOND_FACTOR_AUTHORITY.equals(factor.getAuthority()))
			.forEach(authorities::add);
		authorities.add(FactorGrantedAuthority.fromAuthority(SECOND_FACTOR_AUTHORITY));
		((AccountUserDetails) fresh).eraseCredentials();
		UsernamePasswordAuthenticationToken upgraded = UsernamePasswordAuthenticationToken.authenticated(fresh, null,
				authorities);
		upgraded.setDetails(authentication.getDetails());
		return upgraded;
	}
}
