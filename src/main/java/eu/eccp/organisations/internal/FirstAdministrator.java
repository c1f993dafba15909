package eu.eccp.organisations.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import eu.eccp.shared.CountryCode;

/**
 * At start-up outside demo mode: when no administrator exists and the operator supplied
 * {@code ECCP_ADMIN_PASSWORD}, creates the first administrator; otherwise says how to create one.
 * Also warns when demo accounts are left in a database that now runs without demo mode (they cannot log in).
 */
@Component
@Order(5)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AccountProvisioning provisioning;
	private final AdminBootstrapProperties bootstrap;
	private final UserAdministration users;
	private final boolean demoMode;
	private final boolean commandLine;

	FirstAdministrator(AccountProvisioning provisioning, AdminBootstrapProperties bootstrap, UserAdministration users,
			@Value("${eccp.demo:false}") boolean demoMode, @Value("${eccp.command-line:false}") boolean commandLine) {
		this.provisioning = provisioning;
		this.bootstrap = bootstrap;
		this.users = users;
		this.demoMode = demoMode;
		this.commandLine = commandLine;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (commandLine) {
			return;
		}
		long demoAccounts = demoMode ? 0 : provisioning.demoAccounts();
		if (demoAccounts > 0) {
			log.warn("{} demo accounts exist in this database but demo mode is off: they cannot log in", demoAccounts);
		}
		if (provisioning.administratorExists()) {
			return;
		}
		String password = bootstrap.password();
		if (password == null || password.isEmpty()) {
			if (!demoMode) {
				log.warn("No administrator exists. Set ECCP_ADMIN_PASSWORD (and optionally ECCP_ADMIN_USERNAME) "
						+ "and restart, or run: java -jar eccp.jar create-admin");
			}
			return;
		}
		String username = JdbcAccountAuthentication.normalise(bootstrap.username());
		String problem = users.passwordProblem(password, username);
		if (problem != null) {
			throw new IllegalStateException("ECCP_ADMIN_PASSWORD is not acceptable (" + problem + "): see the password "
					+ "policy in the README (length, no common or repetitive password, not the username)");
		}
		if (provisioning.createAdministrator(username, password, bootstrap.organisation(),
				CountryCode.of(bootstrap.country()))) {
			log.info("Created the first administrator '{}' from ECCP_ADMIN_PASSWORD", username);
		}
	}
}
