package eu.eccp.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform killed with {@code kill -9} leaves its embedded PostgreSQL running; the next start on the same
 * data directory stops that orphan and comes up at once, again and again. A second live instance on the
 * same data directory is refused at once, and a {@code postmaster.pid} left by a process long gone (its id
 * since reused) does not keep PostgreSQL from starting.
 */
class CrashRestartTests {

	/** A restart after a crash: stopping the orphan, crash recovery, start-up; far below the old 60 s wait. */
	static final Duration RESTART_WITHIN = Duration.ofSeconds(30);

	@TempDir
	Path dataDir;

	final List<Process> children = new ArrayList<>();

	/** A JVM that starts the embedded server on {@link #dataDir} and keeps it running. */
	record Instance(Process process, CompletableFuture<String> ready, StringBuffer output) {
	}

	Instance start() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx256m", "-Deccp.embedded-database.shared-buffers=128MB",
				"-cp", System.getProperty("java.class.path"), EmbeddedServerProcess.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
		children.add(process);
		CompletableFuture<String> ready = new CompletableFuture<>();
		StringBuffer output = new StringBuffer();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.append(line).append('\n');
					if (line.startsWith("READY ")) {
						ready.complete(line.substring("READY ".length()));
					}
				}
			}
			catch (IOException e) {
				// the process is gone
			}
			ready.completeExceptionally(new IllegalStateException("ended without being ready:\n" + output));
		}, "child-output");
		reader.setDaemon(true);
		reader.start();
		return new Instance(process, ready, output);
	}

	/** The JDBC URL once the instance reports it is ready; fails the test when it is not ready in time. */
	static String awaitReady(Instance instance, Duration within) throws Exception {
		try {
			return instance.ready().get(within.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			throw new AssertionError("not ready within " + within + ":\n" + instance.output(), e);
		}
	}

	static long rows(String url) throws Exception {
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT count(*) FROM start_up")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = dataDir.resolve("postgres").resolve(LeftoverPostmaster.PID_FILE);
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
	}

	@AfterEach
	void stopEverything() throws Exception {
		for (Process child : children) {
			child.destroyForcibly();
			child.waitFor(10, TimeUnit.SECONDS);
		}
		if (Files.isDirectory(dataDir.resolve("postgres"))) {
			LeftoverPostmaster.clear(dataDir.resolve("postgres"));
		}
	}

	@Test
	void startsQuicklyAfterEveryKillMinusNine() throws Exception {
		Instance first = start();
		assertThat(rows(awaitReady(first, Duration.ofSeconds(60)))).isEqualTo(1);

		Instance running = first;
		for (int crash = 1; crash <= 3; crash++) {
			running.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
			assertThat(running.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
			Optional<ProcessHandle> orphan = postmaster();
			assertThat(orphan).as("the killed instance's PostgreSQL runs on").isPresent();
			assertThat(LeftoverPostmaster.isPostmasterOf(orphan.get(), dataDir.resolve("postgres"))).isTrue();

			long started = System.nanoTime();
			running = start();
			String url = awaitReady(running, RESTART_WITHIN);
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(took).as("restart %d after kill -9", crash).isLessThan(RESTART_WITHIN);
			assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
			assertThat(rows(url)).as("every committed start-up row survived").isEqualTo(crash + 1);
			assertThat(running.output()).contains("left behind by an instance that ended without stopping it");
		}

		// and a normal stop after all that leaves nothing running
		running.process().getOutputStream().close();
		assertThat(running.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(running.process().exitValue()).isZero();
		assertThat(postmaster()).isEmpty();
	}

	@Test
	void refusesAtOnceWhileAnotherLiveInstanceUsesTheDataDirectory() throws Exception {
		Instance other = start();
		awaitReady(other, Duration.ofSeconds(60));

		long started = System.nanoTime();
		assertThatThrownBy(() -> EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), false, 0))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("another ECCP instance (pid " + other.process().pid() + ")")
			.hasMessageContaining(dataDir.toAbsolutePath().normalize().toString());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(postmaster()).as("the other instance's server is left alone").isPresent();

		other.process().getOutputStream().close();
		assertThat(other.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
		// once it has stopped, this one starts
		EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), false, 0).close();
	}

	@Test
	void refusesASecondServerOnTheSameDataDirectoryInOneProcess() {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), false, 0);
		try {
			assertThatThrownBy(() -> EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), false, 0))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("already runs an embedded PostgreSQL");
		}
		finally {
			server.close();
		}
		EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), false, 0).close();
	}

	@Test
	void startsDespiteAPidFileWhoseProcessIdNowBelongsToAnotherProgram() throws Exception {
		Path cluster = dataDir.resolve("postgres");
		EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(cluster, false, 0);
		List<String> pidFile = Files.readAllLines(cluster.resolve(LeftoverPostmaster.PID_FILE));
		server.close();
		// as after a reboot: the file of a server long gone, its pid now taken by a live process (this JVM)
		pidFile.set(0, Long.toString(ProcessHandle.current().pid()));
		Files.write(cluster.resolve(LeftoverPostmaster.PID_FILE), pidFile);

		long started = System.nanoTime();
		EmbeddedPostgresServer again = EmbeddedPostgresServer.persistent(cluster, false, 0);
		try (Connection c = DriverManager.getConnection(again.jdbcUrl("eccp")); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT 1")) {
			assertThat(rs.next()).isTrue();
		}
		finally {
			again.close();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(RESTART_WITHIN);
	}
}
