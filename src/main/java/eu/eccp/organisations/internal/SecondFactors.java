package eu.eccp.organisations.internal;

import java.time.Clock;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.SafeText;
import eu.eccp.shared.UserId;

/**
 * People's optional second factor (TOTP, RFC 6238). Enrolment shows a fresh secret once and switches it on
 * only when the person types a first code from their app; switching it off needs a current code and the
 * password; the platform operator's admins can remove someone's second factor (a lost phone). Every change
 * ends the person's other web sessions (security version) and is audited. Wrong codes and passwords given
 * here count towards the login throttle like failed logins.
 */
@Service
public class SecondFactors {

	/** The issuer authenticator apps show next to the account name. */
	static final String ISSUER = "ECCP";

	/** A secret to enter into an authenticator app: shown once, at enrolment. */
	public record Enrolment(String secret, String otpauthUri) {
	}

	private final UserRepository users;
	private final SecondFactorCipher cipher;
	private final PasswordEncoder passwordEncoder;
	private final LoginThrottle throttle;
	private final AccountsProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	SecondFactors(UserRepository users, SecondFactorCipher cipher, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			AccountsProperties properties, AuditTrail audit, Clock clock) {
		this.users = users;
		this.cipher = cipher;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the caller's account has a confirmed second factor. */
	@Transactional(readOnly = true)
	public boolean isEnabled(CallerContext caller) {
		return users.findById(caller.userId()).map(UserRecord::secondFactor).orElse(false);
	}

	/**
	 * Starts (or restarts) enrolment: a new secret, stored encrypted and waiting for a first code. The secret
	 * is returned this once; it is never shown again.
	 */
	@Transactional
	public Enrolment startEnrolment(CallerContext caller) {
		UserRecord user = users.findById(caller.userId()).orElseThrow(() -> new RecordNotFoundException("user"));
		if (user.secondFactor()) {
			throw new InvalidRequestException("code", "secondFactor.alreadyOn");
		}
		byte[] secret = Totp.newSecret();
		users.setPendingSecondFactor(user.id(), cipher.encrypt(user.id(), secret));
		return new Enrolment(Totp.grouped(Totp.base32(secret)), Totp.otpauthUri(ISSUER, user.username(), secret));
	}

	/** The enrolment waiting for its first code, if any (shown again only until it is confirmed). */
	@Transactional(readOnly = true)
	public java.util.Optional<Enrolment> pendingEnrolment(CallerContext caller) {
		return users.secondFactor(caller.userId())
			.filter(stored -> stored.secret() == null && stored.pendingSecret() != null)
			.map(stored -> {
				byte[] secret = cipher.decrypt(caller.userId(), stored.pendingSecret());
				return new Enrolment(Totp.grouped(Totp.base32(secret)), Totp.otpauthUri(ISSUER, caller.username(), secret));
			});
	}

	/** Whether people with the caller's roles must keep a second factor (so may not switch theirs off). */
	public boolean requiredFor(CallerContext caller) {
		return properties.requireSecondFactorForAdmins() && (caller.has(Role.ADMIN) || caller.has(Role.AUDITOR));
	}

	/** Switches the pending second factor on if the code is a current one of its secret. */
	@Transactional
	public void confirmEnrolment(CallerContext caller, @Nullable String code) {
		UserRepository.StoredSecondFactor stored = users.secondFactor(caller.userId()).orElseThrow();
		if (stored.secret() != null) {
			throw new InvalidRequestException("code", "secondFactor.alreadyOn");
		}
		if (stored.pendingSecret() == null) {
			throw new InvalidRequestException("code", "secondFactor.noEnrolment");
		}
		byte[] secret = cipher.decrypt(caller.userId(), stored.pendingSecret());
		OptionalLong step = code == null ? OptionalLong.empty()
				: Totp.matchingStep(secret, code, clock.instant(), stored.lastStep());
		if (step.isEmpty()) {
			throw new InvalidRequestException("code", "secondFactor.wrongCode");
		}
		users.confirmSecondFactor(caller.userId(), step.getAsLong(), clock.instant());
		audit.record(AuditActor.of(caller), AuditEvent.of("user.second-factor.enabled", "user", caller.userId()));
	}

	/** Switches the caller's second factor off, given a current code and their password. */
	@Transactional
	public void disable(CallerContext caller, @Nullable String code, @Nullable String password, String clientAddress) {
		if (throttle.waitBefore(caller.username(), clientAddress).isPresent()) {
			throw new InvalidRequestException("code", "login.throttled");
		}
		UserRecord user = users.findById(caller.userId()).orElseThrow(() -> new RecordNotFoundException("user"));
		if (!user.secondFactor()) {
			throw new InvalidRequestException("code", "secondFactor.notOn");
		}
		if (requiredFor(caller)) {
			throw new InvalidRequestException("code", "secondFactor.requiredForRole");
		}
		boolean passwordRight = password != null && SafeText.isAcceptable(password)
				&& passwordEncoder.matches(password, user.passwordHash());
		if (!passwordRight || !verify(user.id(), code)) {
			throttle.failed(caller.username(), clientAddress);
			audit.record(AuditActor.of(caller), AuditEvent.of("user.second-factor.disable-refused", "user", user.id()));
			throw new InvalidRequestException("code", "secondFactor.wrongCodeOrPassword");
		}
		users.removeSecondFactor(user.id());
		audit.record(AuditActor.of(caller), AuditEvent.of("user.second-factor.disabled", "user", user.id()));
	}

	/**
	 * Removes another person's second factor (they lost their device): only the platform operator's admins,
	 * never their own (they switch it off themselves). The person's web sessions end.
	 */
	@Transactional
	public void reset(CallerContext caller, UserId id) {
		if (!caller.actsPlatformWideAs(Role.ADMIN)) {
			throw new AccessDeniedException("only the platform operator's admins reset second factors");
		}
		if (id.equals(caller.userId())) {
			throw new InvalidRequestException("secondFactor", "secondFactor.cannotResetOwn");
		}
		UserRecord user = users.findById(id).orElseThrow(() -> new RecordNotFoundException("user"));
		if (!users.removeSecondFactor(user.id())) {
			throw new InvalidRequestException("secondFactor", "secondFactor.notOn");
		}
		audit.record(AuditActor.of(caller), AuditEvent.of("user.second-factor.reset", "user", user.id()));
	}

	/**
	 * Whether the code is a current one of the account's confirmed second factor whose step was not used yet;
	 * if so, that step is used up (on every node: the database decides).
	 */
	@Transactional
	public boolean verify(UserId account, @Nullable String code) {
		if (code == null) {
			return false;
		}
		UserRepository.StoredSecondFactor stored = users.secondFactor(account).orElse(null);
		if (stored == null || stored.secret() == null) {
			return false;
		}
		byte[] secret = cipher.decrypt(account, stored.secret());
		OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), stored.lastStep());
		return step.isPresent() && users.useSecondFactorStep(account, step.getAsLong());
	}
}
