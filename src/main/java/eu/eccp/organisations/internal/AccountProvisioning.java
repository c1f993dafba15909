package eu.eccp.organisations.internal;

import java.time.Clock;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;

/**
 * Creates organisations and accounts outside the admin UI: the first administrator (from an
 * operator-supplied secret) and the demo data. Both are idempotent.
 */
@Service
class AccountProvisioning {

	private final OrganisationDirectory organisations;
	private final UserRepository users;
	private final PasswordEncoder passwordEncoder;
	private final AuditTrail audit;
	private final Clock clock;

	AccountProvisioning(OrganisationDirectory organisations, UserRepository users, PasswordEncoder passwordEncoder,
			AuditTrail audit, Clock clock) {
		this.organisations = organisations;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	boolean administratorExists() {
		return users.anyAdministratorExists();
	}

	@Transactional(readOnly = true)
	boolean usernameTaken(String username) {
		return users.findByUsername(username).isPresent();
	}

	@Transactional(readOnly = true)
	long demoAccounts() {
		return users.countDemoAccounts();
	}

	OrganisationView operator(String name, CountryCode country, boolean demo) {
		return organisations.ensure(new OrganisationView(OrganisationId.random(), name, "platform-operator",
				OrganisationType.PLATFORM_OPERATOR, country), demo);
	}

	/** Creates the first administrator; the password has passed the policy check already. */
	@Transactional
	boolean createAdministrator(String username, String password, String organisationName, CountryCode country) {
		OrganisationView operator = operator(organisationName, country, false);
		UserId id = UserId.random();
		boolean created = users.insert(id, username, "Administrator", null, operator.id(),
				passwordEncoder.encode(password), false, Set.of(Role.ADMIN), clock.instant());
		if (created) {
			audit.record(AuditActor.SYSTEM, AuditEvent.of("user.created", "user", id).withDetail("first administrator"));
		}
		return created;
	}

	@Transactional
	OrganisationView demoOrganisation(String name, String shortName, OrganisationType type, String country) {
		return organisations.ensure(
				new OrganisationView(OrganisationId.random(), name, shortName, type, CountryCode.of(country)), true);
	}

	@Transactional
	boolean demoAccount(String username, String displayName, OrganisationView org, String passwordHash, Set<Role> roles) {
		return users.insert(UserId.random(), username, displayName, username + "@demo.eccp.invalid", org.id(),
				passwordHash, true, roles, clock.instant());
	}

	@Transactional(readOnly = true)
	OrganisationView organisation(String shortName) {
		return organisations.findByShortName(shortName)
			.orElseThrow(() -> new IllegalStateException("no organisation " + shortName));
	}

	String hash(String password) {
		return passwordEncoder.encode(password);
	}
}
