package eu.eccp.takedown.bench;

import java.util.Random;
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

import eu.eccp.takedown.internal.PdqIndex;

/**
 * PDQ lookups by Hamming distance ≤ 31 among a million known hashes (JMH sample time, so the report has the
 * p99). Queries: half are a known hash with 0 to 31 bits flipped (a match exists), half are random (no match:
 * the worst case, every probed bucket is checked). Run with
 * {@code mvn -Pbenchmarks test-compile exec:exec -Djmh.args="PdqLookupBenchmark"}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class PdqLookupBenchmark {

	@State(Scope.Benchmark)
	public static class Known {

		@Param({ "1000000" })
		public int size;

		PdqIndex index;
		long[][] near;
		long[][] random;

		@Setup(Level.Trial)
		public void fill() {
			Random rnd = new Random(42);
			index = new PdqIndex();
			long[][] all = new long[size][];
			for (int i = 0; i < size; i++) {
				all[i] = new long[] { rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong() };
				index.add(all[i]);
			}
			near = new long[4096][];
			random = new long[4096][];
			for (int i = 0; i < near.length; i++) {
				long[] q = all[rnd.nextInt(size)].clone();
				int flips = rnd.nextInt(32);
				for (int f = 0; f < flips; f++) {
					int bit = rnd.nextInt(256);
					q[bit / 64] ^= 1L << (bit % 64);
				}
				near[i] = q;
				random[i] = new long[] { rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong() };
			}
			System.out.printf("%n[index] %d hashes%n", index.size());
		}
	}

	@State(Scope.Thread)
	public static class Cursor {
		int next;
	}

	@Benchmark
	public Object nearAKnownHash(Known known, Cursor cursor) {
		return known.index.within(known.near[cursor.next++ & 4095], 31);
	}

	@Benchmark
	public Object noMatch(Known known, Cursor cursor) {
		return known.index.within(known.random[cursor.next++ & 4095], 31);
	}
}
