package eu.eccp.indicators.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a text file of the benchmark's prose (the realistic input of {@link IndicatorExtractionBenchmark}:
 * English, French and German words with about one indicator per 200 bytes), block after block of 1 MiB with a
 * seed each, so that a file of any size holds distinct values throughout. Used by {@code bench/extraction.sh}:
 * {@code java -cp target/test-classes eu.eccp.indicators.bench.CorpusFile FILE MEBIBYTES}.
 */
public final class CorpusFile {

	private CorpusFile() {
	}

	public static void main(String[] args) throws IOException {
		Path file = Path.of(args[0]);
		long size = Long.parseLong(args[1]) << 20;
		long written = 0;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			for (long seed = 1; written < size; seed++) {
				byte[] block = (BenchmarkInputs.prose(1 << 20, seed) + "\n").getBytes(StandardCharsets.UTF_8);
				int length = (int) Math.min(block.length, size - written);
				out.write(block, 0, length);
				written += length;
			}
		}
	}
}
