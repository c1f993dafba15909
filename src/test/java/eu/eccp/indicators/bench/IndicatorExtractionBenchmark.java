package eu.eccp.indicators.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;

/**
 * Extraction speed on one core (JMH, average time per input; throughput = size / time). Realistic inputs
 * measure MB/s; adversarial ones are run at two sizes, 16 times apart, to show that time grows linearly.
 * Run with {@code mvn -Pbenchmarks test-compile exec:exec} (see docs/benchmarks.md); never part of the build.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
public class IndicatorExtractionBenchmark {

	static final IndicatorExtractor EXTRACTOR = IndicatorExtractor.builder().cardHashKey(new byte[] { 1 }).build();
	static final ExtractionOptions OPTIONS = ExtractionOptions.forRegion("FR");

	/** Realistic inputs of about 1 MiB each. */
	@State(Scope.Benchmark)
	public static class Realistic {

		@Param({ "prose", "html", "email" })
		public String kind;

		String text;
		byte[] bytes;

		@Setup(Level.Trial)
		public void generate() {
			int size = 1 << 20;
			switch (kind) {
				case "prose" -> text = BenchmarkInputs.prose(size, 42);
				case "html" -> text = BenchmarkInputs.html(size, 42);
				default -> bytes = BenchmarkInputs.email(size, 42);
			}
			System.out.printf("%n[input] %s: %d bytes, %d indicators%n", kind, size(), run().size());
		}

		int size() {
			return bytes != null ? bytes.length : text.getBytes(StandardCharsets.UTF_8).length;
		}

		List<Indicator> run() {
			try {
				return switch (kind) {
					case "prose" -> EXTRACTOR.extract(text, OPTIONS);
					case "html" -> EXTRACTOR.extractFromHtml(text, OPTIONS);
					default -> EXTRACTOR.extractFromEml(new ByteArrayInputStream(bytes), OPTIONS);
				};
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/** Prose in other scripts (Cyrillic, Japanese), about a million characters. */
	@State(Scope.Benchmark)
	public static class OtherScripts {

		String text;

		@Setup(Level.Trial)
		public void generate() {
			text = BenchmarkInputs.otherScripts(1 << 20, 42);
		}
	}

	/** Adversarial inputs at two sizes. */
	@State(Scope.Benchmark)
	public static class Adversarial {

		@Param({ "dots", "digits", "spaced-digits", "at-signs", "local-parts", "brackets", "defanged-dots", "labels",
				"schemes", "colons" })
		public String kind;

		@Param({ "65536", "1048576" })
		public int size;

		String text;

		@Setup(Level.Trial)
		public void generate() {
			text = BenchmarkInputs.adversarial(kind, size);
		}
	}

	/** The whole pipeline takes the JIT longer to settle on this code than the adversarial paths: warm up longer. */
	@Benchmark
	@Warmup(iterations = 4, time = 2)
	@Measurement(iterations = 3, time = 2)
	public List<Indicator> realistic(Realistic input) {
		return input.run();
	}

	/** Not part of the mixed corpus's figure: text nearly all outside Latin-1, where other loops are taken. */
	@Benchmark
	@Warmup(iterations = 4, time = 2)
	@Measurement(iterations = 3, time = 2)
	public List<Indicator> otherScripts(OtherScripts input) {
		return EXTRACTOR.extract(input.text, OPTIONS);
	}

	@Benchmark
	public List<Indicator> adversarial(Adversarial input) {
		return EXTRACTOR.extract(input.text, OPTIONS);
	}
}
