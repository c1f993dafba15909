package eu.eccp.platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import eu.eccp.blocklist.BlockListCommand;
import eu.eccp.indicators.ExtractCommand;
import eu.eccp.shared.PlatformCommand;

/**
 * The jar's command-line mode: {@code java -jar eccp.jar COMMAND [ARGS] [--option=value...]}. A command
 * runs against the configured database (embedded or external) without the web server and exits. The
 * {@code extract} command needs no database: it runs before (and without) Spring.
 */
public final class CommandLineMode {

	/** The exit code when the platform (database, options) cannot start for a command, or it is unknown. */
	public static final int CANNOT_START = 2;

	private CommandLineMode() {
	}

	/** Whether the arguments name a command rather than only options for the web platform. */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-");
	}

	public static int run(Class<?> application, String[] args) {
		if (args[0].equals(ExtractCommand.NAME)) {
			return ExtractCommand.run(Arrays.copyOfRange(args, 1, args.length));
		}
		if (args[0].equals(BlockListCommand.NAME)) {
			return BlockListCommand.run(Arrays.copyOfRange(args, 1, args.length));
		}
		return run(application, args, System.out, System.err);
	}

	static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		String name = args[0];
		if (name.equals(ExtractCommand.NAME)) {
			return ExtractCommand.run(Arrays.copyOfRange(args, 1, args.length), System.in, out, err);
		}
		if (name.equals(BlockListCommand.NAME)) {
			return BlockListCommand.run(Arrays.copyOfRange(args, 1, args.length), System.in, out, err, System.getenv());
		}
		List<String> commandArguments = new ArrayList<>();
		List<String> springArguments = new ArrayList<>();
		for (String arg : Arrays.asList(args).subList(1, args.length)) {
			// --username=... belongs to the command; other --options configure the platform (data dir...)
			(arg.startsWith("--eccp.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")
					? springArguments : commandArguments).add(arg);
		}
		if (name.equals("help")) {
			err.println("usage: java -jar eccp.jar [COMMAND [ARGS]] [--option=value...]");
			err.println("commands: audit-verify, create-admin [--username=NAME], extract [--region=CC] [FILE...],"
					+ " ip-data import FILE... | contacts FILE | status;"
					+ " blocklist sync|check (ISP side, no database);"
					+ " without a command the web platform starts");
			return 0;
		}
		springArguments.add("--eccp.command-line=true");
		springArguments.add("--spring.main.banner-mode=off");
		springArguments.add("--logging.level.root=WARN");
		ConfigurableApplicationContext started;
		try {
			started = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.run(springArguments.toArray(String[]::new));
		}
		catch (RuntimeException e) {
			// no database, a bad option...: the command could not run at all, which is not what its own failures mean
			Throwable cause = e;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			err.println("cannot run '" + name + "': the platform did not start (" + cause.getMessage() + ")");
			return CANNOT_START;
		}
		try (ConfigurableApplicationContext context = started) {
			List<PlatformCommand> commands = context.getBeansOfType(PlatformCommand.class)
				.values()
				.stream()
				.sorted(Comparator.comparing(PlatformCommand::name))
				.toList();
			Optional<PlatformCommand> command = commands.stream().filter(c -> c.name().equals(name)).findFirst();
			if (command.isEmpty()) {
				err.println("unknown command '" + name + "'. Commands:");
				commands.forEach(c -> err.printf("  %-14s %s%n", c.name(), c.description()));
				err.printf("  %-14s %s%n", ExtractCommand.NAME, "print the indicators in files or standard input as JSON lines (no database)");
				return CANNOT_START;
			}
			return command.get().run(commandArguments, out, err);
		}
	}
}
