package eu.eccp.statistics.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.correlation.ReportClusters;
import eu.eccp.shared.ClusterLock;

/**
 * Follows correlation's clusters so that linked reports count as one incident: reads the memberships of clusters
 * created or merged since the last run, in pages of {@code batch-size}, one transaction each, on one node at a
 * time. The watermark is stored; each run starts {@code cluster-sync-margin} before the last one began, so a
 * correlation transaction that committed late is still seen (reading a membership again changes nothing).
 */
@Component
class IncidentSync {

	static final String WATERMARK = "incidents.watermark";

	private static final Logger log = LoggerFactory.getLogger(IncidentSync.class);

	private final ReportClusters clusters;
	private final Rollups rollups;
	private final RollupRepository repository;
	private final StatisticsProperties properties;
	private final ClusterLock lock;
	private final TransactionTemplate transactions;
	private final Clock clock;

	IncidentSync(ReportClusters clusters, Rollups rollups, RollupRepository repository, StatisticsProperties properties,
			ClusterLock lock, TransactionTemplate transactions, Clock clock) {
		this.clusters = clusters;
		this.rollups = rollups;
		this.repository = repository;
		this.properties = properties;
		this.lock = lock;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${eccp.statistics.cluster-sync-interval:1m}", initialDelayString = "${eccp.statistics.cluster-sync-interval:1m}")
	void scheduled() {
		lock.runExclusively("statistics.incidents", this::run);
	}

	/** One run: every membership changed since the watermark; returns how many reports moved. */
	int run() {
		Instant started = clock.instant();
		Instant since = repository.state(WATERMARK).map(Instant::parse).orElse(Instant.EPOCH);
		long after = -1;
		int moved = 0;
		while (true) {
			List<ReportClusters.Membership> page = clusters.changedAfter(since, after, properties.batchSize());
			if (page.isEmpty()) {
				break;
			}
			Integer done = transactions.execute(status -> rollups.assignClusters(page));
			log.debug("statistics: {} cluster memberships read after {}, {} reports moved", page.size(), since, done);
			moved += done == null ? 0 : done;
			ReportClusters.Membership last = page.get(page.size() - 1);
			since = last.changedAt();
			after = last.position();
			if (page.size() < properties.batchSize()) {
				break;
			}
		}
		Instant next = started.minus(properties.clusterSyncMargin());
		Instant watermark = since.isBefore(next) ? since : next;
		transactions.executeWithoutResult(status -> repository.state(WATERMARK, watermark.toString(), clock.instant()));
		if (moved > 0) {
			log.info("statistics: {} reports moved to another incident", moved);
		}
		return moved;
	}
}
