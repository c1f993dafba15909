package eu.eccp.statistics.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.reporting.ReportFacts;
import eu.eccp.reporting.ReportFactsSource;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.ClusterLock;

/**
 * Backfill and rebuild: hands every report's facts from reporting through the same path as new reports
 * ({@link Rollups#record}), {@code batch-size} at a time in the order of their ids, one transaction per page, on one
 * node at a time. The cursor is stored with each page, so a run cut short by a crash goes on where it stopped. It
 * runs when the roll-ups were built with other reference rates than those in use (the first start included), and
 * on request ({@link #request()}). Counting a report again that is already counted changes nothing, so reports
 * arriving meanwhile are counted once.
 */
@Component
public class RollupRebuild {

	static final String CURSOR = "rebuild.cursor";
	static final String BUILT_WITH = "rebuild.reference";
	static final String DONE = "done";

	private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

	private final ReportFactsSource source;
	private final Rollups rollups;
	private final RollupRepository repository;
	private final ReferenceData reference;
	private final StatisticsProperties properties;
	private final ClusterLock lock;
	private final TransactionTemplate transactions;
	private final Clock clock;

	RollupRebuild(ReportFactsSource source, Rollups rollups, RollupRepository repository, ReferenceData reference,
			StatisticsProperties properties, ClusterLock lock, TransactionTemplate transactions, Clock clock) {
		this.source = source;
		this.rollups = rollups;
		this.repository = repository;
		this.reference = reference;
		this.properties = properties;
		this.lock = lock;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT20S", fixedDelayString = "PT1M")
	void scheduled() {
		lock.runExclusively("statistics.rebuild", this::runIfDue);
	}

	/** Asks for a rebuild from the first report (done by the next run, on whichever node gets the lock). */
	public void request() {
		transactions.executeWithoutResult(status -> repository.state(CURSOR, "", clock.instant()));
	}

	/** Rebuilds when asked or when the reference rates changed; returns the reports handed through. */
	public int runIfDue() {
		String cursor = repository.state(CURSOR).orElse("");
		boolean sameReference = repository.state(BUILT_WITH).map(reference.version()::equals).orElse(false);
		if (DONE.equals(cursor) && sameReference) {
			return 0;
		}
		if (!sameReference) {
			cursor = "";
			String version = reference.version();
			transactions.executeWithoutResult(status -> {
				repository.state(CURSOR, "", clock.instant());
				repository.state(BUILT_WITH, version, clock.instant());
			});
		}
		int total = 0;
		ReportId after = cursor.isEmpty() ? null : new ReportId(UUID.fromString(cursor));
		while (true) {
			List<ReportFacts> page = source.after(after, properties.batchSize());
			if (page.isEmpty()) {
				break;
			}
			ReportId last = page.get(page.size() - 1).reportId();
			transactions.executeWithoutResult(status -> {
				rollups.record(page);
				repository.state(CURSOR, last.toString(), clock.instant());
			});
			total += page.size();
			after = last;
		}
		transactions.executeWithoutResult(status -> repository.state(CURSOR, DONE, clock.instant()));
		if (total > 0) {
			log.info("statistics: {} reports counted again from reporting", total);
		}
		return total;
	}
}
