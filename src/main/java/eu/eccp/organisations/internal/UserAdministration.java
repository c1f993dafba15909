package eu.eccp.organisations.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.ArraySchema;

/**
 * Managing people's accounts. An organisation's admins manage their own organisation's people; the
 * platform operator's admins manage everyone's. Reading an account is a read of personal data and is audited.
 */
@Service
public class UserAdministration {

	/** Duties only the platform operator's admins may give (and only where the roles matrix allows them). */
	static final Set<Role> PLATFORM_ASSIGNED = EnumSet.of(Role.AUDITOR, Role.COORDINATOR, Role.STATISTICIAN,
			Role.TRAINER);

	private final UserRepository users;
	private final ApiTokenRepository tokens;
	private final OrganisationDirectory organisations;
	private final PasswordEncoder passwordEncoder;
	private final PasswordPolicy passwordPolicy;
	private final AuditTrail audit;
	private final Clock clock;

	UserAdministration(UserRepository users, ApiTokenRepository tokens, OrganisationDirectory organisations, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, AuditTrail audit, Clock clock) {
		this.users = users;
		this.tokens = tokens;
		this.organisations = organisations;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an admin fills in to create an account. */
	public record NewUser(
			@Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$") @Nullable String username,
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 200) @Nullable String displayName,
			@Schema(format = "email") @Nullable String email,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") @Nullable String organisationId,
			@ArraySchema(schema = @Schema(implementation = Role.class), arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED))
			@Nullable List<String> roles,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = "password") @Nullable String password) {
	}

	@Transactional(readOnly = true)
	public Page<UserRecord> list(CallerContext caller, @Nullable OrganisationId organisation, PageRequest page) {
		caller.requireAny(Role.ADMIN);
		return users.findVisible(caller.visibility(), organisation, page);
	}

	@Transactional
	public UserRecord get(CallerContext caller, UserId id) {
		caller.requireAny(Role.ADMIN);
		UserRecord user = users.findById(id)
			.filter(u -> caller.visibility().canSee(u.organisationId()))
			.orElseThrow(() -> new RecordNotFoundException("user"));
		audit.record(AuditEvent.of("user.viewed", "user", id).personal());
		return user;
	}

	@Transactional
	public UserRecord create(CallerContext caller, NewUser form) {
		caller.requireAny(Role.ADMIN);
		Map<String, String> errors = new HashMap<>();
		String username = form.username() == null ? "" : JdbcAccountAuthentication.normalise(form.username());
		if (!username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
			errors.put("username", "validation.username");
		}
		if (form.displayName() == null || form.displayName().isBlank() || form.displayName().length() > 200) {
			errors.put("displayName", "validation.displayName");
		}
		String email = blankToNull(form.email());
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			errors.put("email", "validation.email");
		}
		OrganisationView org = null;
		try {
			org = form.organisationId() == null ? null
					: organisations.get(caller, OrganisationId.parse(form.organisationId()));
		}
		catch (IllegalArgumentException | RecordNotFoundException e) {
			// reported below
		}
		if (org == null) {
			errors.put("organisationId", "validation.organisation");
		}
		Set<Role> roles = parseRoles(form.roles(), errors);
		if (org != null && !errors.containsKey("roles")) {
			checkRoles(caller, org, Set.of(), roles, false, errors);
		}
		String passwordProblem = passwordPolicy.problem(form.password(), username, form.displayName(), email);
		if (passwordProblem != null) {
			errors.put("password", passwordProblem);
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		UserId id = UserId.random();
		if (!users.insert(id, username, form.displayName().strip(), email, org.id(),
				passwordEncoder.encode(form.password()), false, roles, clock.instant())) {
			throw new InvalidRequestException("username", "validation.usernameTaken");
		}
		audit.record(AuditEvent.of("user.created", "user", id).withDetail("roles=" + roles).personal());
		return users.findById(id).orElseThrow();
	}

	@Transactional
	public void changeRoles(CallerContext caller, UserId id, @Nullable List<String> roleNames) {
		UserRecord user = get(caller, id);
		Map<String, String> errors = new HashMap<>();
		Set<Role> roles = parseRoles(roleNames, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		if (user.id().equals(caller.userId()) && !roles.contains(Role.ADMIN)) {
			throw new InvalidRequestException("roles", "validation.cannotDropOwnAdmin");
		}
		checkRoles(caller, user.organisation(), user.roles(), roles, user.id().equals(caller.userId()), errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		users.setRoles(id, roles);
		users.bumpSecurityVersion(id);
		audit.record(AuditEvent.of("user.roles-changed", "user", id).withDetail("roles=" + roles));
	}

	@Transactional
	public void setEnabled(CallerContext caller, UserId id, boolean enabled) {
		UserRecord user = get(caller, id);
		if (user.id().equals(caller.userId()) && !enabled) {
			throw new InvalidRequestException("enabled", "validation.cannotDisableSelf");
		}
		users.setEnabled(id, enabled);
		audit.record(AuditEvent.of(enabled ? "user.enabled" : "user.disabled", "user", id));
	}

	@Transactional
	public void resetPassword(CallerContext caller, UserId id, @Nullable String password) {
		UserRecord user = get(caller, id);
		String problem = passwordPolicy.problem(password, user.username(), user.displayName(), user.email());
		if (problem != null) {
			throw new InvalidRequestException("password", problem);
		}
		users.setPassword(id, passwordEncoder.encode(password));
		int revoked = tokens.revokePersonalTokens(id, clock.instant());
		audit.record(AuditEvent.of("user.password-reset", "user", id).withDetail("personalTokensRevoked=" + revoked));
	}

	/** The message code of what is wrong with a new password, or null when it is acceptable. */
	@Nullable
	String passwordProblem(@Nullable String password, String username) {
		return passwordPolicy.problem(password, username, null, null);
	}

	/**
	 * The roles matrix: the roles must suit the organisation's type ({@link OrganisationType#assignableRoles()});
	 * only platform-operator admins grant platform-assigned duties; nobody grants themselves a role.
	 */
	private static void checkRoles(CallerContext caller, OrganisationView org, Set<Role> current, Set<Role> wanted,
			boolean self, Map<String, String> errors) {
		Set<Role> added = EnumSet.noneOf(Role.class);
		added.addAll(wanted);
		added.removeAll(current);
		if (!org.type().assignableRoles().containsAll(wanted)) {
			errors.put("roles", "validation.rolesNotForOrganisation");
		}
		else if (self && !added.isEmpty()) {
			errors.put("roles", "validation.cannotGrantSelf");
		}
		else if (!caller.actsPlatformWideAs(Role.ADMIN) && added.stream().anyMatch(PLATFORM_ASSIGNED::contains)) {
			errors.put("roles", "validation.rolesPlatformOnly");
		}
	}

	private static Set<Role> parseRoles(@Nullable List<String> names, Map<String, String> errors) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (String name : names) {
				try {
					roles.add(Role.valueOf(name));
				}
				catch (IllegalArgumentException e) {
					errors.put("roles", "validation.roles");
				}
			}
		}
		if (roles.isEmpty()) {
			errors.put("roles", "validation.roles");
		}
		return roles;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
