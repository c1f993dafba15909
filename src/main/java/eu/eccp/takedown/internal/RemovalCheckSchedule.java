package eu.eccp.takedown.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import eu.eccp.hosting.ProbeResult;
import eu.eccp.hosting.RemovalCheck;
import eu.eccp.shared.ClusterLock;
import eu.eccp.takedown.RemovalChecks;

/**
 * Checks the open items' addresses at intervals with the hosting module's prober (status code, redirects and the
 * final address only; never a body) and records what it saw on each item: a run takes up to
 * {@code eccp.takedown.removal-check-batch} items, those checked longest ago first, every
 * {@code eccp.takedown.removal-check-interval}, on one node at a time. The probes run on the prober's bounded
 * executor and hold no database connection; a check that got no usable answer (time-out, 5xx, a refused address)
 * is not recorded, so the item is tried again in a later run.
 */
@Component
class RemovalCheckSchedule {

	private static final Logger log = LoggerFactory.getLogger(RemovalCheckSchedule.class);

	private final RemovalChecks items;
	private final RemovalCheck prober;
	private final ClusterLock lock;
	private final int batch;

	RemovalCheckSchedule(RemovalChecks items, RemovalCheck prober, ClusterLock lock,
			@Value("${eccp.takedown.removal-check-batch:200}") int batch) {
		this.items = items;
		this.prober = prober;
		this.lock = lock;
		this.batch = batch;
	}

	@Scheduled(fixedDelayString = "${eccp.takedown.removal-check-interval:15m}",
			initialDelayString = "${eccp.takedown.removal-check-interval:15m}")
	void run() {
		lock.runExclusively("takedown-removal-checks", this::checkOnce);
	}

	/** Checks one batch of open items; returns how many checks were recorded. */
	int checkOnce() {
		List<RemovalChecks.Target> targets = items.openItems(batch);
		if (targets.isEmpty()) {
			return 0;
		}
		List<ProbeResult> results = prober.checkAll(targets.stream().map(RemovalChecks.Target::url).toList());
		int recorded = 0;
		for (int i = 0; i < targets.size(); i++) {
			ProbeResult result = results.get(i);
			RemovalChecks.Outcome outcome = outcome(result.outcome());
			if (outcome == null) {
				log.debug("removal check of item {} got no usable answer: {}", targets.get(i).item(), result.failure());
				continue;
			}
			items.observed(targets.get(i).item(), outcome, result.checkedAt());
			recorded++;
		}
		return recorded;
	}

	static RemovalChecks.Outcome outcome(ProbeResult.Outcome seen) {
		return switch (seen) {
			case ONLINE -> RemovalChecks.Outcome.ONLINE;
			case REMOVED -> RemovalChecks.Outcome.REMOVED;
			case CHANGED -> RemovalChecks.Outcome.CHANGED;
			case FAILED -> null;
		};
	}
}
