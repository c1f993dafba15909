package eu.eccp.indicators;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.internal.HeapBound;
import eu.eccp.indicators.internal.IndicatorJson;
import eu.eccp.indicators.internal.QuickCompilation;

/**
 * {@code java -jar eccp.jar extract [--region=CC] [FILE...]}: prints the indicators in the files (standard
 * input when none is given) as one JSON object per line, the same objects as the API returns. Runs without
 * Spring, the web server or the database.
 *
 * <p>Options: {@code --region=CC} (or {@code --default-region=CC}) reads national phone numbers as numbers of
 * that country; {@code --card-hash-key=KEY} and {@code --warninglist-dir=DIR} (or the environment variables
 * {@code ECCP_INDICATORS_CARDHASHKEY}, {@code ECCP_INDICATORS_WARNINGLISTDIR} as Spring Boot names them for
 * the platform, or the platform's own
 * {@code --eccp.indicators.card-hash-key=}, {@code --eccp.indicators.warninglist-dir=}) as for the platform.
 * With several files each line also names its {@code file}. {@code --compiler=quick|full|auto} chooses whether the
 * JVM's optimising compiler is left out ({@link QuickCompilation}; by default for files of up to 128 MiB).
 *
 * <p>Files and standard input are streamed (read in windows, each line printed as its window is scanned): the
 * memory used does not grow with the input (see docs/benchmarks.md, "Extraction in bounded memory").
 */
public final class ExtractCommand {

	public static final String NAME = "extract";

	private ExtractCommand() {
	}

	/**
	 * Entry point when the jar is started with {@code extract} (the command name already removed): standard
	 * input and output, written in UTF-8 whatever the platform's default charset.
	 */
	public static int run(String[] args) {
		PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
				false, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		try {
			// a process of its own: its memory is bounded here (see HeapBound), not for callers in a platform, and
			// a short run is spared the optimising compiler (see QuickCompilation)
			if (quickCompilation(args)) {
				QuickCompilation.start();
			}
			return run(args, System.in, out, err, System.getenv(), HeapBound.start());
		}
		finally {
			out.flush();
		}
	}

	/** Where this process's standard input can be looked at as a file (Linux; elsewhere it is not found). */
	private static final Path STANDARD_INPUT = Path.of("/dev/stdin");

	/**
	 * Whether this run leaves the optimising compiler out: {@code --compiler=quick} or {@code --compiler=full} say
	 * so, wherever they stand; otherwise only when every input is a regular file (standard input too, when it is
	 * redirected from one) and together they are small (see {@link QuickCompilation}). A pipe's size is not known.
	 */
	static boolean quickCompilation(String[] args) {
		return quickCompilation(args, STANDARD_INPUT);
	}

	static boolean quickCompilation(String[] args, Path standardInput) {
		boolean optionsEnded = false;
		List<String> inputs = new ArrayList<>();
		for (String arg : args) {
			if (isInput(arg, optionsEnded)) {
				inputs.add(arg);
			}
			else if (arg.equals("--")) {
				optionsEnded = true;
			}
			else {
				String choice = value(arg, "--compiler");
				if (choice != null && !choice.equals("auto")) {
					return choice.equals("quick");
				}
			}
		}
		if (inputs.isEmpty()) {
			inputs.add("-");
		}
		long bytes = 0;
		for (String input : inputs) {
			try {
				Path path = input.equals("-") ? standardInput : Path.of(input);
				if (!Files.isRegularFile(path)) {
					return false;
				}
				bytes += Files.size(path);
			}
			catch (IOException | RuntimeException e) {
				return false;
			}
		}
		return QuickCompilation.suits(bytes);
	}

	public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		return run(args, in, out, err, System.getenv());
	}

	static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
		return run(args, in, out, err, environment, null);
	}

	private static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
			Map<String, String> environment, @Nullable HeapBound heap) {
		String region = null;
		String cardKey = environment.get("ECCP_INDICATORS_CARDHASHKEY");
		String warningListDir = environment.get("ECCP_INDICATORS_WARNINGLISTDIR");
		List<String> files = new ArrayList<>();
		boolean optionsEnded = false;
		for (String arg : args) {
			if (isInput(arg, optionsEnded)) {
				files.add(arg);
			}
			else if (arg.equals("--")) {
				optionsEnded = true;
			}
			else if (arg.equals("--help") || arg.equals("-h")) {
				usage(out);
				return 0;
			}
			else if (value(arg, "--compiler") != null) {
				String choice = value(arg, "--compiler");
				if (!List.of("auto", "quick", "full").contains(choice)) {
					err.println("extract: --compiler is auto, quick or full, not " + choice);
					return 2;
				}
			}
			else if (value(arg, "--region", "--default-region") != null) {
				region = value(arg, "--region", "--default-region");
			}
			else if (value(arg, "--card-hash-key", "--eccp.indicators.card-hash-key") != null) {
				cardKey = value(arg, "--card-hash-key", "--eccp.indicators.card-hash-key");
			}
			else if (value(arg, "--warninglist-dir", "--eccp.indicators.warninglist-dir") != null) {
				warningListDir = value(arg, "--warninglist-dir", "--eccp.indicators.warninglist-dir");
			}
			else {
				err.println("extract: unknown option " + arg);
				usage(err);
				return 2;
			}
		}
		ExtractionOptions options;
		IndicatorExtractor extractor;
		try {
			options = ExtractionOptions.forRegion(region == null || region.isBlank() ? null : region);
			extractor = IndicatorExtractor.builder()
				.cardHashKey(cardKey == null || cardKey.isBlank() ? null : cardKey.getBytes(StandardCharsets.UTF_8))
				.warningListDirectory(warningListDir == null || warningListDir.isBlank() ? null : Path.of(warningListDir))
				.build();
		}
		catch (IllegalArgumentException e) {
			err.println("extract: " + e.getMessage());
			return 2;
		}
		int status = 0;
		if (files.isEmpty()) {
			files.add("-");
		}
		boolean named = files.size() > 1;
		StringBuilder lines = new StringBuilder(1 << 16);
		for (String file : files) {
			java.util.function.Consumer<Indicator> print = indicator -> {
				IndicatorJson.appendLine(indicator, named ? file : null, lines);
				if (heap != null) {
					heap.check();
				}
				if (lines.length() >= 1 << 15) {
					out.append(lines);
					lines.setLength(0);
				}
			};
			try {
				// streamed: a window at a time, whatever the file's size (see IndicatorExtractor)
				if (file.equals("-")) {
					extractor.extractFromFile(in, null, options, print);
				}
				else {
					Path path = Path.of(file);
					if (!Files.exists(path)) {
						throw new NoSuchFileException(file);
					}
					extractor.extractFromFile(path, file, options, print);
				}
			}
			catch (NoSuchFileException e) {
				err.println("extract: no such file: " + file);
				status = 1;
			}
			catch (IOException | IllegalArgumentException e) {
				err.println("extract: " + file + ": " + e.getMessage());
				status = 1;
			}
			finally {
				// what was found before a failure is printed too
				out.append(lines);
				lines.setLength(0);
			}
		}
		out.flush();
		return status;
	}

	/** An input rather than an option: a file name, {@code -} (standard input), or anything after {@code --}. */
	private static boolean isInput(String arg, boolean optionsEnded) {
		return optionsEnded || !arg.startsWith("-") || arg.equals("-");
	}

	private static @Nullable String value(String arg, String... names) {
		for (String name : names) {
			if (arg.startsWith(name + "=")) {
				return arg.substring(name.length() + 1);
			}
		}
		return null;
	}

	private static void usage(PrintStream stream) {
		stream.println("usage: java -jar eccp.jar extract [--region=CC] [--card-hash-key=KEY] [--warninglist-dir=DIR]");
		stream.println("       [--compiler=auto|quick|full] [FILE...]");
		stream.println("  prints one JSON object per indicator and line: type, value, original, offset, defanged, details;");
		stream.println("  reads standard input when no FILE (or '-') is given; .eml and .html files are read as such;");
		stream.println("  --compiler: quick leaves the JVM's optimising compiler out (less CPU on inputs of up to some 100 MiB),");
		stream.println("  full keeps it, auto (the default) chooses quick for files of 128 MiB or less together (standard");
		stream.println("  input too when it is redirected from such a file; not for a pipe, whose size is not known)");
	}
}
