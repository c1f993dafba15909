package eu.eccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

/**
 * The whole platform in a JVM of its own, killed with SIGKILL (no shutdown hook runs, its embedded PostgreSQL
 * is left running as an orphan, as after a real crash) in the middle of its work and started again on the same
 * data directory: every stored report ends up extracted and correlated exactly once, and the hits are exactly
 * those an uninterrupted run gives, and no module event is left unhandled.
 * <ul>
 * <li>Correlation catch-up: 500 French and 500 German public reports (report i of each shares its web address)
 * are posted by four clients; three times, once another quarter is accepted, the platform is killed while its
 * processing worker holds a claim on a batch, and started again; posts cut short are posted again (they become
 * duplicates when the first one was stored).</li>
 * <li>Bulk import: 20,000 rows (and 20 invalid ones) as bank.partner, row i and row i + 10,000 sharing an address
 * across two countries; killed once 2,000 rows are committed, and resumed by the next start.</li>
 * </ul>
 * Traffic goes to loopback only; the child and its PostgreSQL are always stopped and the data directory deleted
 * at the end. The children's logs are kept in target/crash-recovery, and the measured times printed.
 */
class CrashRecoveryTests {

	/** Short leases, so that work a killed node had claimed is taken over soon. */
	static final Duration LEASE = Duration.ofSeconds(5);
	static final Duration READY_WITHIN = Duration.ofSeconds(150);
	static final Duration SETTLED_WITHIN = Duration.ofMinutes(2);

	static Path dataDir;
	static Path logs;
	static int httpPort;
	static int databasePort;
	static int starts;
	static Platform platform;
	/** What the tests measured, printed at the end (restart times, catch-up times). */
	static final List<String> timings = new CopyOnWriteArrayList<>();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** The platform's JVM and its log. */
	record Platform(Process process, Path log) {

		/** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, PostgreSQL runs on as an orphan. */
		void kill() throws InterruptedException {
			process.destroyForcibly();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed JVM has ended").isTrue();
		}
	}

	@BeforeAll
	static void dataDirectory() throws IOException {
		dataDir = Files.createTempDirectory("eccp-crash-recovery-");
		logs = Path.of("target", "crash-recovery").toAbsolutePath();
		Files.createDirectories(logs);
		httpPort = freePort();
		databasePort = freePort();
	}

	@AfterAll
	static void stopEverything() throws Exception {
		try {
			if (platform != null && platform.process().isAlive()) {
				platform.process().destroy(); // a normal stop: the platform stops its PostgreSQL itself
				if (!platform.process().waitFor(60, TimeUnit.SECONDS)) {
					platform.process().destroyForcibly();
					platform.process().waitFor(30, TimeUnit.SECONDS);
				}
			}
			stopLeftoverPostgres();
		}
		finally {
			deleteRecursively(dataDir);
			timings.forEach(t -> System.out.println("[crash-recovery] " + t));
		}
	}

	// --- correlation catch-up -------------------------------------------------------------------------------

	@Test
	void killedThreeTimesDuringCorrelationCatchUpEveryReportIsCorrelatedOnceWithTheHitsOfAnUninterruptedRun()
			throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		int pairs = 500;
		// FR report i and DE report i share a web address; posted in a shuffled order, so that many pairs
		// straddle a crash
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < pairs; i++) {
			for (String country : List.of("FR", "DE")) {
				bodies.add("""
						{"offence":"PHISHING","victimCountries":["%s"],"description":"Crash %s report %s-%d: a fake bank page at https://x-%d-%s.xyz/login asked for my card"}"""
					.formatted(country, run, country, i, i, run));
			}
		}
		Collections.shuffle(bodies, new Random(11));
		ConcurrentLinkedQueue<String> toPost = new ConcurrentLinkedQueue<>(bodies);
		AtomicInteger accepted = new AtomicInteger();

		ensureRunning();
		for (int crash = 1; crash <= 3; crash++) {
			int target = crash * bodies.size() / 4;
			ExecutorService clients = post(toPost, accepted);
			// killed while reports keep arriving and the worker is in the middle of a batch (it holds a live claim
			// on queued reports: extracted or being correlated, not yet done)
			long[] queue = awaitKillPoint(() -> accepted.get() >= target);
			platform.kill();
			clients.shutdown();
			assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			timings.add("catch-up crash %d: killed with %d posts accepted so far, %d reports in report_processing, %d of them claimed by the worker"
				.formatted(crash, accepted.get(), queue[0], queue[1]));
			assertThat(queue[1]).as("crash %d came in the middle of a batch of the catch-up", crash).isPositive();
			assertThat(postmaster()).as("the killed platform's PostgreSQL runs on as an orphan").isPresent();
			restart("after catch-up crash " + crash);
		}
		long posting = System.nanoTime();
		int remaining = toPost.size();
		ExecutorService clients = post(toPost, accepted);
		clients.shutdown();
		assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
		assertThat(toPost).as("every report was posted (a post cut short by a crash is posted again)").isEmpty();
		await().atMost(SETTLED_WITHIN).pollInterval(Duration.ofMillis(200))
			.until(() -> count("SELECT count(*) FROM report_processing") == 0);
		timings.add("catch-up: the last %d posts and the catch-up of everything left after the last restart took %d ms"
			.formatted(remaining, (System.nanoTime() - posting) / 1_000_000));

		String like = "Crash " + run + " %";
		// a post whose answer a crash cut off was posted again: that copy is a duplicate of the stored one,
		// which is not correlated again
		assertThat(count("SELECT count(*) FROM report WHERE description LIKE ? AND duplicate_of IS NULL", like))
			.as("each report stored once (repeated posts are duplicates)").isEqualTo(2L * pairs);
		assertThat(count("SELECT count(DISTINCT description) FROM report WHERE description LIKE ? AND duplicate_of IS NULL",
				like)).isEqualTo(2L * pairs);
		assertThat(count("""
				SELECT count(DISTINCT i.report_id) FROM report_indicator i JOIN report r ON r.id = i.report_id
				WHERE r.description LIKE ? AND r.duplicate_of IS NULL AND i.type = 'URL'""", like))
			.as("every report has its indicators").isEqualTo(2L * pairs);
		assertThat(count("""
				SELECT count(*) FROM correlation_record c JOIN report r ON r.id = c.source_id AND c.source_kind = 'REPORT'
				WHERE r.description LIKE ? AND r.duplicate_of IS NULL""", like))
			.as("exactly one correlation record per report").isEqualTo(2L * pairs);
		assertThat(count("""
				SELECT count(*) FROM correlation_record c JOIN report r ON r.id = c.source_id AND c.source_kind = 'REPORT'
				WHERE r.description LIKE ? AND r.duplicate_of IS NOT NULL""", like))
			.as("duplicates are not correlated").isZero();
		assertThat(count("SELECT count(*) FROM report_processing")).as("nothing left to process").isZero();
		assertHitsOfUninterruptedRun("r.description LIKE ?", like, 2L * pairs);
		assertNoBackgroundWorkLeft();
	}

	// --- bulk import ----------------------------------------------------------------------------------------

	@Test
	void aBulkImportKilledInTheMiddleIsResumedAndEveryRowIsStoredAndCorrelatedOnceWithTheHitsOfAnUninterruptedRun()
			throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		int rows = 20_000;
		int invalid = 20;
		// row i (FR) and row i + rows/2 (DE) share a web address: each pair is split by the crash, one half
		// imported before it and the other after the resume; an invalid row every 1,000 rows
		StringBuilder ndjson = new StringBuilder();
		for (int i = 0; i < rows; i++) {
			int pair = i % (rows / 2);
			ndjson.append("""
					{"offence":"PHISHING","victimCountries":["%s"],"description":"Bank customer %d of %s got a fake bank page","details":{"urls":["https://bulk-%d-%s.xyz/verify"]},"organisationReference":"%s-%d"}
					""".formatted(i < rows / 2 ? "FR" : "DE", i, run, pair, run, run, i));
			if (i % (rows / invalid) == 0) {
				ndjson.append("{\"offence\":\"NOT_AN_OFFENCE\",\"description\":\"bad row " + i + "\"}\n");
			}
		}
		int lines = rows + invalid;

		ensureRunning();
		Object importStart = rows("SELECT now()").get(0).get(0);
		String bank = token("bank.partner");
		HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/v1/reports/bulk?fileName=crash.ndjson"))
			.header("Authorization", "Bearer " + bank).header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String job = JsonPath.read(started.body(), "$.id");
		long importStarted = System.nanoTime();

		// killed once some chunks are committed, long before the end
		Map<String, Object> atKill = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
			.until(() -> job(job, bank), j -> ((Number) j.get("rowsDone")).longValue() >= 2_000 || finished(j));
		platform.kill();
		timings.add("bulk import: killed after %s ms with %s of %d rows done (state %s, %s correlated)".formatted(
				(System.nanoTime() - importStarted) / 1_000_000, atKill.get("rowsDone"), lines, atKill.get("state"),
				atKill.get("correlated")));
		assertThat(finished(atKill)).as("the crash came before the import ended: %s", atKill).isFalse();
		assertThat(Files.exists(dataDir.resolve("imports").resolve(job + ".ndjson"))).as("the upload waits for the resume")
			.isTrue();

		restart("after the bulk import crash");
		long resumed = System.nanoTime();
		String again = token("bank.partner");
		Map<String, Object> finished = await().atMost(SETTLED_WITHIN).pollInterval(Duration.ofMillis(250))
			.until(() -> job(job, again), j -> finished(j) && ((Number) j.get("correlated")).longValue()
					>= ((Number) j.get("queued")).longValue());
		timings.add("bulk import: completed %d ms after the restart was ready".formatted((System.nanoTime() - resumed) / 1_000_000));

		assertThat(finished).as("the job").containsEntry("state", "COMPLETED").containsEntry("rowsDone", lines)
			.containsEntry("accepted", rows).containsEntry("rejected", invalid).containsEntry("queued", rows)
			.containsEntry("extracted", rows).containsEntry("correlated", rows).containsEntry("hits", rows);
		assertThat(((Number) finished.get("resumed")).intValue()).as("resumed after the crash").isGreaterThanOrEqualTo(1);

		String references = run + "-%";
		assertThat(count("SELECT count(*) FROM report WHERE org_reference LIKE ?", references))
			.as("every accepted row stored once").isEqualTo(rows);
		assertThat(count("SELECT count(DISTINCT org_reference) FROM report WHERE org_reference LIKE ?", references))
			.isEqualTo(rows);
		assertThat(count("SELECT count(*) FROM report_import_rejection WHERE job_id = CAST(? AS uuid)", job))
			.as("every invalid row rejected once").isEqualTo(invalid);
		assertThat(count("""
				SELECT count(DISTINCT i.report_id) FROM report_indicator i JOIN report r ON r.id = i.report_id
				WHERE r.org_reference LIKE ? AND i.type = 'URL'""", references)).as("every row extracted").isEqualTo(rows);
		assertThat(count("""
				SELECT count(*) FROM correlation_record c JOIN report r ON r.id = c.source_id AND c.source_kind = 'REPORT'
				WHERE r.org_reference LIKE ?""", references)).as("every row correlated once").isEqualTo(rows);
		assertThat(count("SELECT count(*) FROM report_processing WHERE import_job = CAST(? AS uuid)", job))
			.as("nothing of the import left to process").isZero();
		assertHitsOfUninterruptedRun("r.org_reference LIKE ?", references, rows);
		assertThat(count("SELECT count(*) FROM hit_announcement_held WHERE held_under = ?", "report-import:" + job))
			.as("every hit of the import announced").isZero();
		// one notice per organisation for the whole import, the crash notwithstanding: the French and the German
		// unit each learn of their 10,000 hits once (no other hits are made meanwhile)
		String notices = "SELECT recipient_org, data->>'count' FROM notice WHERE topic = 'hit.found' AND created_at >= ?";
		await().atMost(Duration.ofSeconds(30)).until(() -> rows(notices, importStart).size() >= 2);
		assertThat(rows(notices, importStart)).as("hit notices since the import started").hasSize(2)
			.allSatisfy(notice -> assertThat(notice.get(1)).isEqualTo(Integer.toString(rows / 2)))
			.extracting(notice -> notice.get(0)).doesNotHaveDuplicates();
		assertNoBackgroundWorkLeft();
		try (Stream<Path> files = Files.list(dataDir.resolve("imports"))) {
			assertThat(files.map(f -> f.getFileName().toString())).as("the uploaded file is deleted")
				.noneMatch(name -> name.startsWith(job));
		}
	}

	/**
	 * Hits as an uninterrupted run gives them: each record shares its address with one record of another country,
	 * so each record has exactly one hit (for its owner, on that address), and no more.
	 */
	private void assertHitsOfUninterruptedRun(String where, String parameter, long records) throws SQLException {
		String hits = """
				FROM hit h JOIN correlation_record c ON c.id = h.record_id
				JOIN report r ON r.id = c.source_id AND c.source_kind = 'REPORT' WHERE """ + " " + where;
		assertThat(count("SELECT count(*) " + hits, parameter)).as("hits").isEqualTo(records);
		assertThat(count("SELECT count(DISTINCT h.record_id) " + hits, parameter)).as("records with a hit").isEqualTo(records);
		assertThat(count("SELECT count(DISTINCT (h.organisation_id, h.record_id, h.indicator_id)) " + hits, parameter))
			.as("no duplicate hit").isEqualTo(records);
		assertThat(count("SELECT count(*) " + hits + " AND h.organisation_id <> c.owner_org", parameter))
			.as("each hit is for the record's owner").isZero();
	}

	// --- posting --------------------------------------------------------------------------------------------

	/** Four clients post the queued bodies as fast as they can; a post that fails goes back to the queue. */
	private ExecutorService post(ConcurrentLinkedQueue<String> toPost, AtomicInteger accepted) {
		ExecutorService clients = Executors.newFixedThreadPool(4);
		for (int c = 0; c < 4; c++) {
			clients.submit(() -> {
				String body;
				while ((body = toPost.poll()) != null) {
					try {
						HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/public/reports"))
							.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
							.POST(HttpRequest.BodyPublishers.ofString(body)).build());
						if (answer.statusCode() != 201) {
							throw new IOException("answer " + answer.statusCode() + ": " + answer.body());
						}
						accepted.incrementAndGet();
					}
					catch (IOException | InterruptedException e) {
						// the platform was killed under this post: it is posted again after the restart
						toPost.add(body);
						return null;
					}
				}
				return null;
			});
		}
		return clients;
	}

	/**
	 * Waits until {@code due} holds while the processing worker holds a live claim on queued reports; returns
	 * the queue's size and the number of claimed reports then.
	 */
	private long[] awaitKillPoint(java.util.function.BooleanSupplier due) throws SQLException {
		long[] seen = new long[2];
		try (Connection connection = database()) {
			await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5)).until(() -> {
				if (!due.getAsBoolean()) {
					return false;
				}
				try (PreparedStatement statement = connection.prepareStatement(
						"SELECT count(*), count(*) FILTER (WHERE claimed_until > now()) FROM report_processing");
						ResultSet rs = statement.executeQuery()) {
					rs.next();
					seen[0] = rs.getLong(1);
					seen[1] = rs.getLong(2);
				}
				return seen[1] > 0;
			});
		}
		return seen;
	}

	// --- the platform's JVM ---------------------------------------------------------------------------------

	private static void ensureRunning() throws Exception {
		if (platform == null || !platform.process().isAlive()) {
			restart(starts == 0 ? "first start on an empty data directory" : "start");
		}
	}

	/** Starts the platform on the data directory and waits until it is ready; records how long that took. */
	private static void restart(String why) throws Exception {
		long began = System.nanoTime();
		platform = start();
		awaitReady(platform);
		timings.add("ready %d ms after its start (%s)".formatted((System.nanoTime() - began) / 1_000_000, why));
	}

	private static Platform start() throws IOException {
		Path log = logs.resolve("platform-" + (++starts) + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
				"-Deccp.embedded-database.shared-buffers=128MB",
				"-cp", System.getProperty("java.class.path"), EccpApplication.class.getName(),
				"--eccp.data-dir=" + dataDir,
				"--eccp.demo=true",
				"--server.port=" + httpPort,
				"--server.address=127.0.0.1",
				"--eccp.embedded-database.port=" + databasePort,
				"--eccp.embedded-database.durable=true",
				"--eccp.reporting.processing.lease=" + LEASE.toSeconds() + "s",
				"--eccp.reporting.processing.watch-interval=1s",
				"--eccp.reporting.processing.poll-interval=500ms",
				"--eccp.reporting.public-submissions-per-hour=1000000",
				// module events a killed node was handling go stale soon and are replayed soon
				"--spring.modulith.events.staleness.published=10s",
				"--spring.modulith.events.staleness.processing=10s",
				"--spring.modulith.events.staleness.resubmission=10s",
				"--spring.modulith.events.staleness.check-intervall=2s",
				"--eccp.background.replay-interval=2s",
				"--spring.main.banner-mode=off");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new Platform(process, log);
	}

	private static void awaitReady(Platform platform) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		try {
			await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> {
				if (!platform.process().isAlive()) {
					throw new AssertionError("the platform ended (exit " + platform.process().exitValue()
							+ ") before it was ready:\n" + tail(platform.log()));
				}
				try {
					return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
							+ "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).GET().build(),
							HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
				}
				catch (IOException e) {
					return false;
				}
			});
		}
		catch (ConditionTimeoutException e) {
			throw new AssertionError("the platform was not ready within " + READY_WITHIN + ":\n" + tail(platform.log()), e);
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException | UncheckedIOException e) {
			return "(no log: " + e + ")";
		}
	}

	/** The live PostgreSQL named by the cluster's postmaster.pid, if any. */
	private static Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** Stops a PostgreSQL left running on the data directory (smart shutdown, then SIGKILL for it and its children). */
	private static void stopLeftoverPostgres() throws Exception {
		if (dataDir == null) {
			return;
		}
		Optional<ProcessHandle> postgres = postmaster();
		if (postgres.isEmpty()) {
			return;
		}
		List<ProcessHandle> children = postgres.get().descendants().toList();
		postgres.get().destroy();
		try {
			postgres.get().onExit().get(20, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.TimeoutException e) {
			postgres.get().destroyForcibly();
			children.forEach(ProcessHandle::destroyForcibly);
			postgres.get().onExit().get(10, TimeUnit.SECONDS);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	// --- HTTP and SQL ---------------------------------------------------------------------------------------

	private static boolean finished(Map<String, Object> job) {
		return "COMPLETED".equals(job.get("state")) || "FAILED".equals(job.get("state"));
	}

	private Map<String, Object> job(String id, String token) throws Exception {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/reports/bulk/" + id))
			.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JsonPath.read(answer.body(), "$.job");
	}

	/**
	 * As the administrator sees it: no report waiting or failing, and every module event (hit notices among them)
	 * handled, those a killed node left unfinished included once they are replayed.
	 */
	private void assertNoBackgroundWorkLeft() throws Exception {
		String admin = token("admin");
		Map<String, Object> work = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
			.until(() -> backgroundWork(admin), w -> JsonPath.<Integer>read(w, "$.events.incomplete") == 0
					&& JsonPath.<Integer>read(w, "$.reports.waiting") == 0);
		assertThat(work).extracting(w -> JsonPath.<Integer>read(w, "$.reports.failing")).isEqualTo(0);
		assertThat(work).extracting(w -> JsonPath.<Integer>read(w, "$.events.stuck")).isEqualTo(0);
	}

	private Map<String, Object> backgroundWork(String token) throws Exception {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/admin/background-work"))
			.header("Authorization", "Bearer " + token).GET().build());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JsonPath.read(answer.body(), "$");
	}

	private String token(String username) throws Exception {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"demo\"}"))
			.build());
		assertThat(answer.statusCode()).as("a token for %s", username).isEqualTo(201);
		return JsonPath.read(answer.body(), "$.token");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + httpPort + path);
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The platform's embedded PostgreSQL, on its fixed port. */
	private static Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/eccp", "postgres", "");
	}

	private static long count(String sql, Object... parameters) throws SQLException {
		return ((Number) rows(sql, parameters).get(0).get(0)).longValue();
	}

	/** The rows a query answers, each as its list of column values. */
	private static List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
		try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<List<Object>> rows = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					List<Object> row = new ArrayList<>();
					for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
						row.add(rs.getObject(column));
					}
					rows.add(row);
				}
			}
			return rows;
		}
	}
}
