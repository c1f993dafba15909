import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Each client is one kept-alive HTTP/1.1 connection written and read directly (no HTTP client library): the
 * generator shares the machine's cores with the platform, and the JDK's HttpClient cost several times more CPU
 * per request than this, taking it away from the platform being measured.
 */
public class PublicIntakeLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
			throw new IllegalArgumentException("loopback only");
		}
		int clients = Integer.parseInt(args[1]);
		long seconds = Long.parseLong(args[2]);
		// optional: a fixed offered rate (submissions per second, all clients together), paced open-loop; each
		// latency is then counted from the moment its submission was due, so a stalled server cannot hide its delay
		double rate = args.length > 3 ? Double.parseDouble(args[3]) : 0;
		long maxRequests = 2_000_000;
		URI uri = URI.create(base);
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
				Connection connection = null;
				while (System.nanoTime() < end) {
					long n = sequence.incrementAndGet();
					if (n > maxRequests) {
						break;
					}
					String body = """
							{"offence":"PHISHING","victimCountries":["%s"],"description":"Load %d-%d: a message asked me to pay at https://pay-%d-%d.parcel-fee.xyz/track"}"""
						.formatted(n % 2 == 0 ? "FR" : "DE", run, n, run, n / 2);
					long t0 = System.nanoTime();
					if (rate > 0) {
						long due = started + (long) ((n - 1) * 1e9 / rate);
						for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
							java.util.concurrent.locks.LockSupport.parkNanos(wait);
						}
						if (due >= end) {
							break;
						}
						t0 = due;
					}
					try {
						if (connection == null) {
							connection = new Connection(uri.getHost(), uri.getPort());
						}
						int status = connection.post("/api/v1/public/reports", body);
						if (status == 201) {
							latencies.add(System.nanoTime() - t0);
						}
						else {
							failed.incrementAndGet();
						}
						if (connection.closed) {
							connection.close();
							connection = null;
						}
					}
					catch (Exception e) {
						failed.incrementAndGet();
						if (connection != null) {
							connection.close();
							connection = null;
						}
					}
				}
				if (connection != null) {
					connection.close();
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

	/** One kept-alive HTTP/1.1 connection: posts JSON and reads the whole response (Content-Length or chunked). */
	static final class Connection {

		private final Socket socket;
		private final OutputStream out;
		private final InputStream in;
		private final String host;
		boolean closed;

		Connection(String host, int port) throws IOException {
			this.socket = new Socket(host, port);
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout(30_000);
			this.out = socket.getOutputStream();
			this.in = new BufferedInputStream(socket.getInputStream(), 16_384);
			this.host = host + ":" + port;
		}

		int post(String path, String json) throws IOException {
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
					+ "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			String statusLine = line();
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			long length = -1;
			boolean chunked = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase();
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).strip());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					closed = true;
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
						size = Long.parseLong(line().split(";")[0].strip(), 16)) {
					skip(size);
					line();
				}
				while (!line().isEmpty()) {
					// trailers
				}
			}
			else if (length > 0) {
				skip(length);
			}
			else if (length < 0) {
				closed = true;
			}
			return status;
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		private void skip(long bytes) throws IOException {
			for (long left = bytes; left > 0;) {
				long skipped = in.skip(left);
				if (skipped <= 0) {
					if (in.read() < 0) {
						throw new IOException("connection closed");
					}
					skipped = 1;
				}
				left -= skipped;
			}
		}

		void close() {
			try {
				socket.close();
			}
			catch (IOException e) {
				// closing anyway
			}
		}
	}
}
