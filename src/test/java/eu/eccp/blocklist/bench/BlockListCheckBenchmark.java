package eu.eccp.blocklist.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import eu.eccp.blocklist.isp.ExpressionHash;
import eu.eccp.blocklist.isp.HashedBlockList;
import eu.eccp.blocklist.isp.UrlCanonicalizer;
import eu.eccp.blocklist.isp.UrlExpressions;
import eu.eccp.blocklist.isp.UrlMatcher;

/**
 * URL checks per second on one thread against a 1,000,000-entry list: {@code hashed} is what
 * {@code blocklist check} does (canonicalisation, every host-suffix / path-prefix expression hashed with
 * SHA-256 and probed, until one matches), {@code naiveHashSet} the baseline of a {@code HashSet} of the
 * clear expressions probed with the same canonicalisation and expressions. Memory per entry is measured in
 * the setup (heap after GC, before and after building each structure) and printed.
 * Run with {@code mvn -Pbenchmarks test-compile exec:exec -Djmh.args=BlockListCheckBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
@Threads(1)
public class BlockListCheckBenchmark {

	static final int ENTRIES = 1_000_000;

	static final int URLS = 4096;

	@State(Scope.Benchmark)
	public static class Lists {

		HashedBlockList hashed;

		Set<String> clear;

		String[] urls;

		@Setup(Level.Trial)
		public void build() {
			SplittableRandom random = new SplittableRandom(42);
			String[] expressions = new String[ENTRIES];
			for (int i = 0; i < ENTRIES; i++) {
				expressions[i] = switch (i % 3) {
					case 0 -> "site" + i + ".example/"; // whole host
					case 1 -> "host" + (i % 50_000) + ".example/gallery/" + i + "/"; // directory
					default -> "host" + (i % 50_000) + ".example/p/" + i + ".html"; // exact page
				};
			}
			long before = usedHeap();
			byte[][] hashes = new byte[ENTRIES][];
			long[] refs = new long[ENTRIES];
			int[] hosts = new int[ENTRIES];
			for (int i = 0; i < ENTRIES; i++) {
				hashes[i] = ExpressionHash.of(expressions[i]);
				refs[i] = i;
				hosts[i] = ExpressionHash.hostKey(expressions[i]);
			}
			hashed = HashedBlockList.of(hashes, refs, hosts);
			refs = null;
			hosts = null;
			hashes = null;
			long hashedBytes = usedHeap() - before;
			before = usedHeap();
			clear = new HashSet<>();
			for (String e : expressions) {
				clear.add(new String(e.toCharArray()));
			}
			long clearBytes = usedHeap() - before;
			System.out.printf("%n[memory] hashed list: %.1f bytes/entry measured, %.1f bytes/entry by its arrays; "
					+ "HashSet of clear expressions: %.1f bytes/entry%n", (double) hashedBytes / ENTRIES,
					(double) hashed.bytesUsed() / ENTRIES, (double) clearBytes / ENTRIES);

			// URLs as a proxy sees them: mostly allowed ones, about 1 in 20 blocked, mixed case, ports, queries
			urls = new String[URLS];
			for (int i = 0; i < URLS; i++) {
				int r = random.nextInt(ENTRIES);
				urls[i] = switch (random.nextInt(20)) {
					case 0 -> "http://WWW.site" + (r - r % 3) + ".example:80/index.html?lang=en";
					case 1 -> "https://host" + random.nextInt(50_000) + ".example/gallery/" + (r - r % 3 + 1) + "/img/7.jpg";
					case 2, 3, 4, 5 -> "https://cdn" + r + ".images.example.net/assets/v2/" + r + "/thumb.jpg";
					case 6, 7, 8, 9 -> "http://www.news" + r + ".example.org/2026/12/01/story-" + r + ".html?utm_source=feed";
					default -> "https://shop" + r + ".example.com/products/item-" + r + "?ref=home&page=" + (r % 10);
				};
			}
			long blocked = 0;
			UrlMatcher matcher = new UrlMatcher(hashed);
			for (String u : urls) {
				blocked += matcher.check(u) >= 0 ? 1 : 0;
			}
			long probes = 0;
			for (String u : urls) {
				probes += UrlExpressions.of(u).size();
			}
			System.out.printf("[input] %d URLs, %d blocked, %.1f expressions per URL%n", URLS, blocked, (double) probes / URLS);
		}

		private static long usedHeap() {
			for (int i = 0; i < 3; i++) {
				System.gc();
			}
			Runtime rt = Runtime.getRuntime();
			return rt.totalMemory() - rt.freeMemory();
		}
	}

	@State(Scope.Thread)
	public static class Matcher {

		UrlMatcher matcher;

		@Setup(Level.Trial)
		public void create(Lists lists) {
			matcher = new UrlMatcher(lists.hashed);
		}
	}

	@Benchmark
	@OperationsPerInvocation(URLS)
	public long hashed(Lists lists, Matcher m) {
		long sum = 0;
		for (String url : lists.urls) {
			sum += m.matcher.check(url);
		}
		return sum;
	}

	@Benchmark
	@OperationsPerInvocation(URLS)
	public long naiveHashSet(Lists lists) {
		long found = 0;
		for (String url : lists.urls) {
			List<String> expressions = UrlExpressions.of(UrlCanonicalizer.canonicalize(url));
			for (String e : expressions) {
				if (lists.clear.contains(e)) {
					found++;
					break;
				}
			}
		}
		return found;
	}
}
