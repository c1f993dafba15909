package eu.eccp.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data in the data directory across restarts. */
class EmbeddedPostgresServerTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestart() throws Exception {
		EmbeddedPostgresServer first = EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), false, 0);
		try (Connection c = DriverManager.getConnection(first.jdbcUrl("eccp")); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE kept (v TEXT)");
			s.execute("INSERT INTO kept VALUES ('still here')");
		}
		finally {
			first.close();
		}
		EmbeddedPostgresServer second = EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), false, 0);
		try (Connection c = DriverManager.getConnection(second.jdbcUrl("eccp"));
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("still here");
		}
		finally {
			second.close();
		}
		assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
	}
}
