package eu.eccp.shared.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The embedded database's start-up on its own, for tests that need a JVM to kill: starts the persistent
 * cluster of the data directory given as the argument, writes a row, prints {@code READY <jdbc url>} and
 * runs until it is killed or its standard input closes.
 */
public final class EmbeddedServerProcess {

	private EmbeddedServerProcess() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(Path.of(args[0]).resolve("postgres"), true, 0);
		String url = server.jdbcUrl("eccp");
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS start_up (at TIMESTAMPTZ NOT NULL DEFAULT now())");
			statement.execute("INSERT INTO start_up DEFAULT VALUES");
		}
		System.out.println("READY " + url);
		System.out.flush();
		while (System.in.read() >= 0) {
			// runs until killed, or until the parent closes standard input
		}
		server.close();
	}
}
