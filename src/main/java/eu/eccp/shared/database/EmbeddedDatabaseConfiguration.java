package eu.eccp.shared.database;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Without {@code spring.datasource.url} (environment variable {@code SPRING_DATASOURCE_URL}), the platform
 * runs on an embedded PostgreSQL whose cluster lives in {@code DATA_DIR/postgres}. With it, this
 * configuration stays out of the way and Spring Boot connects to the external database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	/** Stopped by its own shutdown hook when the JVM exits, after the connection pool has closed. */
	@Bean(destroyMethod = "")
	EmbeddedPostgresServer embeddedPostgresServer(@Value("${eccp.data-dir:./data}") Path dataDir,
			EmbeddedDatabaseProperties database) {
		if (database.temporary()) {
			return EmbeddedPostgresServer.temporary();
		}
		return EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), database.durable(),
				database.port());
	}

	/** Pool options come from {@code spring.datasource.hikari.*}, as for an external database. */
	@Bean
	@org.springframework.boot.context.properties.ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseProperties database) {
		HikariDataSource dataSource = new EmbeddedPool(server);
		dataSource.setJdbcUrl(server.jdbcUrl(database.name()));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("eccp-embedded");
		return dataSource;
	}

	/** A connection pool that tells the server when it has closed, so the server stops only after it. */
	static final class EmbeddedPool extends HikariDataSource {

		private final EmbeddedPostgresServer server;
		private final AtomicBoolean open = new AtomicBoolean(true);

		EmbeddedPool(EmbeddedPostgresServer server) {
			this.server = server;
			server.acquire();
		}

		@Override
		public void close() {
			super.close();
			if (open.getAndSet(false)) {
				server.release();
			}
		}
	}
}
