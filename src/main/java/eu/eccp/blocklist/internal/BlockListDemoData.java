package eu.eccp.blocklist.internal;

import static eu.eccp.shared.SqlTimes.at;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import eu.eccp.organisations.Organisations;

/** Demo mode only: the demo ISP (DE) receives the German list, RPZ included. */
@Component
@Order(20)
@ConditionalOnProperty(name = "eccp.demo", havingValue = "true")
class BlockListDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BlockListDemoData.class);

	private final Organisations organisations;

	private final JdbcClient jdbc;

	private final Clock clock;

	BlockListDemoData(Organisations organisations, JdbcClient jdbc, Clock clock) {
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		organisations.findByShortName("isp").ifPresent(isp -> {
			int added = jdbc.sql("""
					INSERT INTO blocklist_subscription (organisation_id, country, rpz_allowed, created_at)
					VALUES (:org, 'DE', TRUE, :at) ON CONFLICT DO NOTHING""")
				.param("org", isp.id().value())
				.param("at", at(clock.instant()))
				.update();
			if (added > 0) {
				log.warn("DEMO MODE: the demo ISP receives the DE block list (RPZ included)");
			}
		});
	}
}
