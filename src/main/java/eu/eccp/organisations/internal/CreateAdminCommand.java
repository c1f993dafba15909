package eu.eccp.organisations.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.PlatformCommand;

/**
 * {@code java -jar eccp.jar create-admin [--username=NAME]}: creates an administrator of the platform
 * operator, asking for the password on the terminal (or reading one line from standard input when none is
 * attached, e.g. from a secrets manager through a pipe).
 */
@Component
class CreateAdminCommand implements PlatformCommand {

	private final AccountProvisioning provisioning;
	private final UserAdministration users;
	private final AdminBootstrapProperties bootstrap;

	CreateAdminCommand(AccountProvisioning provisioning, UserAdministration users, AdminBootstrapProperties bootstrap) {
		this.provisioning = provisioning;
		this.users = users;
		this.bootstrap = bootstrap;
	}

	@Override
	public String name() {
		return "create-admin";
	}

	@Override
	public String description() {
		return "create an administrator of the platform operator; asks for the password [--username=NAME]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		String username = bootstrap.username();
		for (String argument : arguments) {
			if (argument.startsWith("--username=")) {
				username = argument.substring("--username=".length());
			}
		}
		username = JdbcAccountAuthentication.normalise(username);
		if (!username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
			err.println("invalid username: use letters, digits, '.', '_' or '-'");
			return 2;
		}
		if (provisioning.usernameTaken(username)) {
			err.println("the username '" + username + "' is taken");
			return 1;
		}
		String password = readPassword(out);
		if (password == null) {
			err.println("no password given");
			return 2;
		}
		String problem = users.passwordProblem(password, username);
		if (problem != null) {
			err.println("password not accepted: " + problem);
			return 2;
		}
		provisioning.createAdministrator(username, password, bootstrap.organisation(), CountryCode.of(bootstrap.country()));
		out.println("administrator '" + username + "' created");
		return 0;
	}

	private static @Nullable String readPassword(PrintStream out) {
		Console console = System.console();
		if (console != null) {
			char[] first = console.readPassword("Password for the new administrator: ");
			char[] second = console.readPassword("Repeat the password: ");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				out.println("the passwords differ");
				return null;
			}
			return new String(first);
		}
		try {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			return line == null || line.isEmpty() ? null : line;
		}
		catch (IOException e) {
			return null;
		}
	}
}
