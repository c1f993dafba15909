package eu.eccp.blocklist.isp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar eccp.jar blocklist check --dir=DIR [URL...]}: answers whether URLs are blocked by the
 * local copy that {@code blocklist sync} keeps in DIR, without database or Spring.
 *
 * <p>It speaks the line protocol of Squid's external ACL helpers: one request per line on standard input,
 * {@code [channel-ID] URL [anything else]}, one answer per line on standard output, in the order asked:
 * {@code [channel-ID] OK message=REFERENCE} when an entry blocks the URL (the ACL matches; Squid's
 * {@code deny_info} puts the reference code where {@code %o} stands), {@code [channel-ID] ERR} when not.
 * The channel ID (digits, sent by Squid with {@code concurrency=N}) is echoed. With URLs as arguments it
 * answers each the same way and exits 1 when one was blocked, 0 when none. Output is flushed after each
 * answer; the copy is re-read when {@code sync} has replaced it (checked at most once a second).
 * Exit 2: no copy in DIR, or a damaged one.
 */
public final class CheckCommand {

	private CheckCommand() {
	}

	public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
		String dir = null;
		List<String> urls = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--dir=")) {
				dir = arg.substring(6);
			}
			else if (arg.startsWith("--")) {
				err.println("blocklist check: unknown option '" + arg + "'");
				err.println("usage: java -jar eccp.jar blocklist check --dir=DIR [URL...]   (no URL: one per line on standard input)");
				return SyncCommand.CANNOT_RUN;
			}
			else {
				urls.add(arg);
			}
		}
		if (dir == null) {
			err.println("blocklist check: --dir is needed (the directory blocklist sync keeps)");
			return SyncCommand.CANNOT_RUN;
		}
		Path file = new LocalCopy(Path.of(dir)).listFile();
		Loaded loaded;
		try {
			loaded = Loaded.of(file);
		}
		catch (IOException e) {
			err.println("blocklist check: no usable copy in " + dir + " (" + e.getMessage() + "); run blocklist sync first");
			return SyncCommand.CANNOT_RUN;
		}
		if (!urls.isEmpty()) {
			boolean anyBlocked = false;
			for (String url : urls) {
				String answer = answer(loaded.matcher, url);
				anyBlocked |= answer.startsWith("OK");
				out.println(answer);
			}
			out.flush();
			return anyBlocked ? 1 : 0;
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			long lastLook = System.nanoTime();
			while ((line = reader.readLine()) != null) {
				if (System.nanoTime() - lastLook > 1_000_000_000L) {
					lastLook = System.nanoTime();
					loaded = loaded.reloadIfChanged(file, err);
				}
				out.println(respond(loaded.matcher, line));
				out.flush();
			}
		}
		catch (IOException e) {
			err.println("blocklist check: " + e.getMessage());
			return SyncCommand.CANNOT_RUN;
		}
		return 0;
	}

	/** The answer to one request line: channel ID echoed, then OK message=REF or ERR. */
	static String respond(UrlMatcher matcher, String line) {
		String rest = line.strip();
		String channel = null;
		int space = rest.indexOf(' ');
		if (space > 0 && rest.substring(0, space).chars().allMatch(Character::isDigit)) {
			channel = rest.substring(0, space);
			rest = rest.substring(space + 1).strip();
		}
		space = rest.indexOf(' ');
		String url = space < 0 ? rest : rest.substring(0, space);
		String answer = url.isEmpty() || url.equals("-") ? "ERR" : answer(matcher, url);
		return channel == null ? answer : channel + " " + answer;
	}

	private static String answer(UrlMatcher matcher, String url) {
		long ref = matcher.check(url);
		return ref == UrlMatcher.NOT_BLOCKED ? "ERR" : "OK message=" + ReferenceCode.format(ref);
	}

	private record Loaded(UrlMatcher matcher, FileTime modified) {

		static Loaded of(Path file) throws IOException {
			FileTime modified = Files.getLastModifiedTime(file);
			return new Loaded(new UrlMatcher(LocalCopy.read(file).list()), modified);
		}

		Loaded reloadIfChanged(Path file, PrintStream err) {
			try {
				if (!Files.getLastModifiedTime(file).equals(modified)) {
					return of(file);
				}
			}
			catch (IOException e) {
				err.println("blocklist check: keeping the list in memory: " + e.getMessage());
			}
			return this;
		}
	}
}
