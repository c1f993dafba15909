package eu.eccp.shared.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a previous instance left in the cluster directory when it ended without stopping PostgreSQL
 * ({@code kill -9}, a crash, the machine's OOM killer): PostgreSQL runs on, as an orphan, holding the
 * cluster's {@code postmaster.pid}, and the next start would wait for its own server in vain. Called only
 * while holding the {@link DataDirectoryLock}, so no live instance owns what is found here.
 * <p>
 * A {@code postmaster.pid} naming a live {@code postgres} process whose working directory is the cluster (a
 * postmaster changes into its data directory) is stopped: SIGTERM (smart shutdown; the dead instance's
 * connections are gone), then SIGINT (fast shutdown, what {@code pg_ctl stop -m fast} sends), and as a last
 * resort SIGKILL for it and its children, after which PostgreSQL recovers from its WAL like after a crash.
 * A {@code postmaster.pid} naming a process that is not such a postmaster (its id reused, typically after a
 * reboot or in a container) is removed, since PostgreSQL would refuse to start next to it; one naming a dead
 * process is left to PostgreSQL, which removes it itself.
 */
final class LeftoverPostmaster {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

	static final String PID_FILE = "postmaster.pid";

	private static final Duration SMART_SHUTDOWN = Duration.ofSeconds(5);
	/** A fast shutdown ends with a checkpoint, which may write up to shared_buffers. */
	private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
	private static final Duration KILLED = Duration.ofSeconds(10);

	private LeftoverPostmaster() {
	}

	/** What a start found; for the log and the tests. */
	@eu.eccp.shared.Labelled(shown = false)
	enum Found {
		NOTHING, LEFT_TO_POSTGRESQL, STALE_PID_FILE_REMOVED, ORPHAN_STOPPED
	}

	/** Stops an orphaned postmaster of {@code clusterDirectory}, or removes a stale pid file; returns what it found. */
	static Found clear(Path clusterDirectory) {
		Path pidFile = clusterDirectory.resolve(PID_FILE);
		List<String> lines;
		try {
			lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException e) {
			return Found.NOTHING;
		}
		catch (IOException e) {
			log.warn("cannot read {}: {}; leaving it to PostgreSQL", pidFile, e.toString());
			return Found.LEFT_TO_POSTGRESQL;
		}
		Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
		if (pid.isEmpty()) {
			// PostgreSQL refuses an empty or garbled lock file ("another server is starting?"); none is
			log.warn("removing the unreadable {} (no instance holds the data directory)", pidFile);
			delete(pidFile);
			return Found.STALE_PID_FILE_REMOVED;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return Found.LEFT_TO_POSTGRESQL;
		}
		if (!isPostmasterOf(process.get(), clusterDirectory)) {
			log.warn("removing the stale {}: its process {} is no PostgreSQL server of this cluster", pidFile, pid.get());
			delete(pidFile);
			return Found.STALE_PID_FILE_REMOVED;
		}
		log.warn("the embedded PostgreSQL (pid {}) is still running on {}, left behind by an instance that ended "
				+ "without stopping it; stopping it", pid.get(), clusterDirectory);
		stop(process.get());
		log.info("stopped the PostgreSQL left behind (pid {})", pid.get());
		return Found.ORPHAN_STOPPED;
	}

	private static Optional<Long> parsePid(String line) {
		try {
			long pid = Math.abs(Long.parseLong(line.trim()));
			return pid > 0 ? Optional.of(pid) : Optional.empty();
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** A process named {@code postgres} whose working directory is the cluster. */
	static boolean isPostmasterOf(ProcessHandle process, Path clusterDirectory) {
		Path proc = Path.of("/proc", Long.toString(process.pid()));
		Optional<String> command = process.info().command().or(() -> link(proc.resolve("exe")));
		boolean postgres = command.map(c -> Path.of(c).getFileName().toString())
			.filter(name -> name.equals("postgres") || name.startsWith("postgres "))
			.isPresent();
		if (!postgres) {
			return false;
		}
		Optional<String> workingDirectory = link(proc.resolve("cwd"));
		if (workingDirectory.isEmpty()) {
			// no /proc to ask: a postgres process holding our pid file is taken for ours
			return true;
		}
		try {
			return Path.of(workingDirectory.get()).equals(clusterDirectory.toRealPath());
		}
		catch (IOException e) {
			return false;
		}
	}

	private static Optional<String> link(Path path) {
		try {
			return Optional.of(Files.readSymbolicLink(path).toString());
		}
		catch (IOException | UnsupportedOperationException | SecurityException e) {
			return Optional.empty();
		}
	}

	private static void stop(ProcessHandle postmaster) {
		List<ProcessHandle> children = postmaster.descendants().toList();
		postmaster.destroy();
		if (exited(postmaster, SMART_SHUTDOWN)) {
			return;
		}
		if (signal("INT", postmaster) && exited(postmaster, FAST_SHUTDOWN)) {
			return;
		}
		log.warn("PostgreSQL (pid {}) did not shut down; killing it, it will recover from its log at the next start",
				postmaster.pid());
		postmaster.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
		if (!exited(postmaster, KILLED) || children.stream().anyMatch(c -> !exited(c, KILLED))) {
			throw new IllegalStateException("could not stop the PostgreSQL left running on the data directory (pid "
					+ postmaster.pid() + "); stop it by hand");
		}
	}

	/** Java signals other processes with SIGTERM and SIGKILL only; SIGINT takes the system's kill command. */
	private static boolean signal(String signal, ProcessHandle process) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean exited(ProcessHandle process, Duration within) {
		try {
			process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException e) {
			return !process.isAlive();
		}
		catch (ExecutionException e) {
			return !process.isAlive();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			throw new IllegalStateException("could not remove the stale " + file + ": " + e.getMessage(), e);
		}
	}
}
