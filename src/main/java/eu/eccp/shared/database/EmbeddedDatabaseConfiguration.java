package eu.eccp.shared.database;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;

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

	@Bean
	HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseProperties database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl(database.name()));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("eccp-embedded");
		// The server is local, so a connection takes milliseconds. At JVM exit the library's own shutdown
		// hook may stop PostgreSQL while Spring still closes (Modulith checks its event publications then):
		// fail fast instead of waiting Hikari's default 30 s for a server that is gone.
		dataSource.setConnectionTimeout(2_000);
		dataSource.setValidationTimeout(1_000);
		return dataSource;
	}
}
