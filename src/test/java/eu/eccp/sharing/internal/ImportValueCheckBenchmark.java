package eu.eccp.sharing.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;

/**
 * JMH, not a test (docs/benchmarks.md, "Sharing"): checking one import chunk's values (5,000 STIX indicators: URLs,
 * domains, IPv4 addresses and e-mail addresses, as the sharing benchmark's bundle and common feeds carry) with the
 * indicators module, one extractor call per value written out against {@link CanonicalValues} (one call per type and
 * chunk until the extractor sized its window to a short string; one call per value since). Score: chunks per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImportValueCheckBenchmark {

	private final IndicatorExtractor extractor = IndicatorExtractor.builder().build();

	private final List<StixPatternReader.Observable> chunk = new ArrayList<>();

	private CanonicalValues values;

	@Setup
	public void setUp() {
		values = new CanonicalValues(extractor);
		for (int i = 0; i < 5_000; i++) {
			chunk.add(switch (i % 4) {
				case 0 -> new StixPatternReader.Observable("URL", "https://import-" + i + ".bench-feed.net/x/" + i);
				case 1 -> new StixPatternReader.Observable("DOMAIN", "login-" + i + ".bench-feed.net");
				case 2 -> new StixPatternReader.Observable("IPV4", "203.0." + (i / 256 % 256) + "." + (i % 256));
				default -> new StixPatternReader.Observable("EMAIL", "mule." + i + "@bench-mail.net");
			});
		}
	}

	@Benchmark
	public void oneCallPerValue(Blackhole out) {
		for (StixPatternReader.Observable o : chunk) {
			List<Indicator> found = extractor.extract(o.value(),
					ExtractionOptions.defaults().withTypes(EnumSet.of(IndicatorType.valueOf(o.type()))));
			out.consume(found.size() == 1 && found.get(0).original().equalsIgnoreCase(o.value())
					? ObservedIndicator.of(found.get(0)).orElse(null) : null);
		}
	}

	@Benchmark
	public void oneCallPerTypeAndChunk(Blackhole out) {
		out.consume(values.check(chunk));
	}
}
