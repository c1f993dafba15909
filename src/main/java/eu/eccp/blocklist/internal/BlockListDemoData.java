package eu.eccp.blocklist.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import eu.eccp.organisations.Organisations;

/** Demo mode only: the demo ISP (DE) receives the German list, RPZ included. */
@Component
@Order(20)
@ConditionalOnProperty(name = "eccp.demo", havingValue = "true")
class BlockListDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BlockListDemoData.class);

	private final Organisations organisations;

	private final IspSyncRepository syncs;

	private final Clock clock;

	BlockListDemoData(Organisations organisations, IspSyncRepository syncs, Clock clock) {
		this.organisations = organisations;
		this.syncs = syncs;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		organisations.findByShortName("isp").ifPresent(isp -> {
			boolean added = syncs.subscribeIfAbsent(isp.id(), "DE", true, clock.instant());
			if (added) {
				log.warn("DEMO MODE: the demo ISP receives the DE block list (RPZ included)");
			}
		});
	}
}
