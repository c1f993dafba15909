package eu.eccp.blocklist;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import eu.eccp.blocklist.isp.CheckCommand;
import eu.eccp.blocklist.isp.SyncCommand;

/**
 * {@code java -jar eccp.jar blocklist sync|check ...}: the ISP's side of the block list, run without
 * Spring, the web server or the database (like {@code extract}). See {@link SyncCommand} and
 * {@link CheckCommand}.
 */
public final class BlockListCommand {

	public static final String NAME = "blocklist";

	private BlockListCommand() {
	}

	/** Entry point with the command name removed: standard streams, UTF-8. */
	public static int run(String[] args) {
		PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
				false, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		try {
			return run(args, System.in, out, err, System.getenv());
		}
		finally {
			out.flush();
		}
	}

	public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
		List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
		String sub = args.length == 0 ? "" : args[0];
		return switch (sub) {
			case "sync" -> SyncCommand.withDefaultClient().run(rest, out, err, environment);
			case "check" -> CheckCommand.run(rest, in, out, err);
			default -> {
				err.println("usage: java -jar eccp.jar blocklist sync --url=https://HOST/api/v1/blocklist/CC --token=TOKEN --dir=DIR [--trust-key=BASE64]");
				err.println("       java -jar eccp.jar blocklist check --dir=DIR [URL...]   (no URL: Squid external ACL protocol on standard input)");
				yield sub.equals("help") || sub.equals("--help") ? 0 : SyncCommand.CANNOT_RUN;
			}
		};
	}
}
