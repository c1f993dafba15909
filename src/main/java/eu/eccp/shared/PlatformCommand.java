package eu.eccp.shared;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the jar's command-line mode ({@code java -jar eccp.jar NAME [ARGS]}). Commands run with the
 * database but without the web server, and return the process exit code.
 */
public interface PlatformCommand {

	/** The name typed on the command line, e.g. {@code audit-verify}. */
	String name();

	/** One line for the usage text. */
	String description();

	int run(List<String> arguments, PrintStream out, PrintStream err);
}
