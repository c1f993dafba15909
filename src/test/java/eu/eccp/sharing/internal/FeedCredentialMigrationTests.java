package eu.eccp.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Migrations 97 and 98: a database an earlier version left with feed credentials in clear ends with every credential
 * sealed under the feed-credential key (readable by the puller, as before) and no clear column; credentials already
 * sealed and sources without one are left as they were. Boots the sharing module with the modules it depends on.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "eccp.data-dir=${java.io.tmpdir}/eccp-feed-credential-migration-tests")
@ActiveProfiles("test")
class FeedCredentialMigrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FeedCredentials credentials;

	@Autowired
	V97__SealFeedCredentials sealing;

	final String schema = "before_v97_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	/** Flyway on connections of its own: the pool's have run the platform's migrations and keep their temporary functions. */
	Flyway flyway(String target) throws java.sql.SQLException {
		com.zaxxer.hikari.HikariDataSource pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
		var configuration = Flyway.configure().dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())
			.schemas(schema).locations("classpath:db/migration")
			.javaMigrations(sealing);
		return (target == null ? configuration : configuration.target(target)).load();
	}

	void insert(UUID id, String secret, byte[] sealed) {
		jdbc.sql("""
				INSERT INTO %s.sharing_feed_source (id, organisation_id, name, url, secret, secret_sealed, tlp,
				  interval_seconds, page_size, next_run_at, created_by, created_at)
				VALUES (:id, :id, 'old', 'https://taxii.example.org/c/', :secret, :sealed, 'AMBER', 3600, 100, now(), :id, now())"""
			.formatted(schema))
			.param("id", id).param("secret", secret).param("sealed", sealed).update();
	}

	@Test
	void sealsEveryCredentialLeftInClearAndDropsTheClearColumn() throws Exception {
		flyway("96").migrate();
		UUID clear = UUID.randomUUID();
		UUID longClear = UUID.randomUUID();
		UUID alreadySealed = UUID.randomUUID();
		UUID none = UUID.randomUUID();
		byte[] sealedBefore = credentials.seal(alreadySealed, "sealed-before");
		insert(clear, "old-secret", null);
		insert(longClear, "a-long-clear-credential-ABCD", null);
		insert(alreadySealed, null, sealedBefore);
		insert(none, null, null);

		flyway(null).migrate();

		List<String> columns = jdbc.sql("""
				SELECT column_name FROM information_schema.columns WHERE table_schema = :schema
				  AND table_name = 'sharing_feed_source'""").param("schema", schema).query(String.class).list();
		assertThat(columns).contains("secret_sealed", "secret_hint").doesNotContain("secret");
		Map<UUID, Map<String, Object>> rows = new java.util.HashMap<>();
		jdbc.sql("SELECT id, secret_sealed, secret_hint FROM %s.sharing_feed_source".formatted(schema)).query()
			.listOfRows().forEach(row -> rows.put((UUID) row.get("id"), row));
		assertThat(rows).hasSize(4);
		assertThat(credentials.open(clear, (byte[]) rows.get(clear).get("secret_sealed"))).isEqualTo("old-secret");
		assertThat(new String((byte[]) rows.get(clear).get("secret_sealed"), StandardCharsets.ISO_8859_1))
			.doesNotContain("old-secret");
		assertThat(rows.get(clear).get("secret_hint")).as("too short for a hint").isNull();
		assertThat(credentials.open(longClear, (byte[]) rows.get(longClear).get("secret_sealed")))
			.isEqualTo("a-long-clear-credential-ABCD");
		assertThat(rows.get(longClear).get("secret_hint")).isEqualTo("…ABCD");
		assertThat((byte[]) rows.get(alreadySealed).get("secret_sealed")).isEqualTo(sealedBefore);
		assertThat(rows.get(none).get("secret_sealed")).isNull();
		assertThat(flyway(null).info().current().getVersion().getVersion()).isEqualTo(
				flyway(null).info().applied()[flyway(null).info().applied().length - 1].getVersion().getVersion());
	}
}
