package eu.eccp.shared.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Failing SQL must never put personal data into a log. The PostgreSQL driver by default copies the server's
 * error detail ("Failing row contains (...)", "Key (...)=(...)") into its exceptions and lists the bound
 * values of a failed batch entry; {@code logServerErrorDetail=false} stops both. It is set on every
 * connection pool, the embedded database's and an external one's alike (a JDBC URL that sets it
 * explicitly still wins).
 */
@Configuration(proxyBeanMethods = false)
class SqlErrorPrivacy {

	@Bean
	static BeanPostProcessor noBoundValuesInSqlErrors() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					pool.addDataSourceProperty("logServerErrorDetail", "false");
				}
				return bean;
			}
		};
	}
}
