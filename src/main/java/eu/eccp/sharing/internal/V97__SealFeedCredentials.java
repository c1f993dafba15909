package eu.eccp.sharing.internal;

import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 97 (a Java one, as only the platform holds the key): the credentials of feed sources an earlier
 * version stored in clear ({@code sharing_feed_source.secret}) are sealed into {@code secret_sealed} with
 * {@link FeedCredentials} (AES-256-GCM, the source's id as associated data) and their clear copy emptied, in
 * Flyway's transaction, so that migration 98 ({@code db/migration/sharing/V98__sharing_feed_secret_dropped.sql}) can
 * drop the clear column. Spring Boot hands every {@code JavaMigration} bean to Flyway, which runs it in version order
 * between the SQL migrations; a database without such rows (any installed after credentials were encrypted) is left as
 * it is.
 */
@Component
class V97__SealFeedCredentials extends BaseJavaMigration {

	private static final Logger log = LoggerFactory.getLogger(V97__SealFeedCredentials.class);

	private final FeedCredentials credentials;

	V97__SealFeedCredentials(FeedCredentials credentials) {
		this.credentials = credentials;
	}

	private record Clear(UUID id, String secret) {
	}

	@Override
	public void migrate(Context context) {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
		List<Clear> clear = jdbc.sql("SELECT id, secret FROM sharing_feed_source WHERE secret IS NOT NULL ORDER BY id FOR UPDATE")
			.query((rs, n) -> new Clear(rs.getObject("id", UUID.class), rs.getString("secret"))).list();
		for (Clear c : clear) {
			jdbc.sql("UPDATE sharing_feed_source SET secret_sealed = :sealed, secret_hint = :hint, secret = NULL WHERE id = :id")
				.param("id", c.id()).param("sealed", credentials.seal(c.id(), c.secret()))
				.param("hint", FeedCredentials.hint(c.secret())).update();
			log.info("feed source {}: credential now stored encrypted", c.id());
		}
	}
}
