package eu.eccp.indicators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Reads named lists (warning lists, "too common" lists): the built-in ones from resources, then every
 * {@code NAME.txt} of an operator's directory, by name. Each file is handed to the list's own parser.
 */
final class ListFiles {

	/** Parses one list file; {@code name} is the file's name without {@code .txt}. */
	interface Parser {

		void read(String name, InputStream in) throws IOException;
	}

	private ListFiles() {
	}

	/**
	 * @param what what the lists are, for error messages ("warning list")
	 * @param resourceFolder the classpath folder of the built-in lists ({@code /indicators/warninglists/})
	 */
	static void read(String what, String resourceFolder, List<String> builtIn, @Nullable Path directory, Parser parser) {
		for (String name : builtIn) {
			try (InputStream in = ListFiles.class.getResourceAsStream(resourceFolder + name + ".txt")) {
				if (in == null) {
					throw new IllegalStateException("built-in " + what + " missing: " + name);
				}
				parser.read(name, in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		if (directory == null) {
			return;
		}
		if (!Files.isDirectory(directory)) {
			throw new IllegalArgumentException(what + " directory does not exist: " + directory);
		}
		Map<String, Path> files = new TreeMap<>();
		try (Stream<Path> listing = Files.list(directory)) {
			listing.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
				.forEach(p -> files.put(p.getFileName().toString(), p));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (Map.Entry<String, Path> file : files.entrySet()) {
			try (InputStream in = Files.newInputStream(file.getValue())) {
				parser.read(file.getKey().substring(0, file.getKey().length() - 4), in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
