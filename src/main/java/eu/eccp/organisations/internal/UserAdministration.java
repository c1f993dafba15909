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

	private final UserRepository users;
	private final OrganisationDirectory organisations;
	private final PasswordEncoder passwordEncoder;
	private final AccountsProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	UserAdministration(UserRepository users, OrganisationDirectory organisations, PasswordEncoder passwordEncoder,
			AccountsProperties properties, AuditTrail audit, Clock clock) {
		this.users = users;
		this.organisations = organisations;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
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
		String passwordProblem = passwordProblem(form.password(), username);
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
		users.setRoles(id, roles);
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
		String problem = passwordProblem(password, user.username());
		if (problem != null) {
			throw new InvalidRequestException("password", problem);
		}
		users.setPassword(id, passwordEncoder.encode(password));
		audit.record(AuditEvent.of("user.password-reset", "user", id));
	}

	/** The message code of what is wrong with a new password, or null when it is acceptable. */
	@Nullable
	String passwordProblem(@Nullable String password, String username) {
		if (password == null || password.length() < properties.minPasswordLength()) {
			return "validation.passwordTooShort";
		}
		if (password.length() > 256) {
			return "validation.passwordTooLong";
		}
		if (password.toLowerCase().contains(username) && !username.isEmpty()) {
			return "validation.passwordContainsUsername";
		}
		return null;
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
