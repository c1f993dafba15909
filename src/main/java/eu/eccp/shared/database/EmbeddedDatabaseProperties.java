package eu.eccp.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the embedded PostgreSQL ({@code eccp.embedded-database.*}); used only when no
 * {@code spring.datasource.url} is configured.
 *
 * @param name the database created in the embedded cluster
 * @param durable whether commits wait for the disk ({@code synchronous_commit}); tests turn it off
 * @param port the port it listens on (loopback only); 0 picks a free one at every start
 * @param temporary whether to use one throw-away cluster per JVM instead of the data directory (tests)
 */
@ConfigurationProperties("eccp.embedded-database")
record EmbeddedDatabaseProperties(@DefaultValue("eccp") String name, @DefaultValue("true") boolean durable,
		@DefaultValue("0") int port, @DefaultValue("false") boolean temporary) {
}
