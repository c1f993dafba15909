import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for bench/public-intake.sh (run with the JDK's source launcher: java PublicIntakeLoad.java).
 * CLIENTS threads post public reports to BASE/api/v1/public/reports for SECONDS seconds (bounded in time and
 * count, loopback only), each report unique, pairs of FR and DE reports sharing a web address so that
 * correlation creates hits. Prints submissions per second and latency percentiles of accepted submissions.
 * Usage: java PublicIntakeLoad.java BASE CLIENTS SECONDS
 */
public class PublicIntakeLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
			throw new IllegalArgumentException("loopback only");
		}
		int clients = Integer.parseInt(args[1]);
		long seconds = Long.parseLong(args[2]);
		long maxRequests = 2_000_000;
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		AtomicLong sequence = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long run = System.currentTimeMillis() % 100_000;
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<List<Long>>> results = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			results.add(pool.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				while (System.nanoTime() < end) {
					long n = sequence.incrementAndGet();
					if (n > maxRequests) {
						break;
					}
					String body = """
							{"offence":"PHISHING","victimCountries":["%s"],"description":"Load %d-%d: a message asked me to pay at https://pay-%d-%d.parcel-fee.xyz/track"}"""
						.formatted(n % 2 == 0 ? "FR" : "DE", run, n, run, n / 2);
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/public/reports"))
						.timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					long t0 = System.nanoTime();
					try {
						HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() == 201) {
							latencies.add(System.nanoTime() - t0);
						}
						else {
							failed.incrementAndGet();
						}
					}
					catch (Exception e) {
						failed.incrementAndGet();
					}
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> result : results) {
			all.addAll(result.get());
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		Collections.sort(all);
		System.out.printf("public intake: %d clients, %.1f s: %d accepted (%.0f submissions/s), %d failed or refused%n", clients,
				elapsed, all.size(), all.size() / elapsed, failed.get());
		if (!all.isEmpty()) {
			System.out.printf("latency of accepted submissions: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(all, 0.50),
					ms(all, 0.99), all.get(all.size() - 1) / 1e6);
		}
		System.out.println("accepted=" + all.size());
	}

	private static double ms(List<Long> sorted, double q) {
		return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1e6;
	}
}
