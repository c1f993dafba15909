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

import eu.eccp.shared.PlatformCommand;

/**
 * The jar's command-line mode: {@code java -jar eccp.jar COMMAND [ARGS] [--option=value...]}. A command
 * runs against the configured database (embedded or external) without the web server and exits.
 */
public final class CommandLineMode {

	private CommandLineMode() {
	}

	/** Whether the arguments name a command rather than only options for the web platform. */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-");
	}

	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		String name = args[0];
		List<String> commandArguments = new ArrayList<>();
		List<String> springArguments = new ArrayList<>();
		for (String arg : Arrays.asList(args).subList(1, args.length)) {
			// --username=... belongs to the command; other --options configure the platform (data dir...)
			(arg.startsWith("--eccp.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")
					? springArguments : commandArguments).add(arg);
		}
		if (name.equals("help")) {
			err.println("usage: java -jar eccp.jar [COMMAND [ARGS]] [--option=value...]");
			err.println("commands: audit-verify, create-admin [--username=NAME]; without a command the web platform starts");
			return 0;
		}
		springArguments.add("--eccp.command-line=true");
		springArguments.add("--spring.main.banner-mode=off");
		springArguments.add("--logging.level.root=WARN");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run(springArguments.toArray(String[]::new))) {
			List<PlatformCommand> commands = context.getBeansOfType(PlatformCommand.class)
				.values()
				.stream()
				.sorted(Comparator.comparing(PlatformCommand::name))
				.toList();
			Optional<PlatformCommand> command = commands.stream().filter(c -> c.name().equals(name)).findFirst();
			if (command.isEmpty()) {
				err.println("unknown command '" + name + "'. Commands:");
				commands.forEach(c -> err.printf("  %-14s %s%n", c.name(), c.description()));
				return 2;
			}
			return command.get().run(commandArguments, out, err);
		}
	}
}
