package eu.eccp.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.correlation.SharedIndicators;
import eu.eccp.shared.ClusterLock;

/**
 * Brings each active agreement's collection up to date with correlation, on one thread of its own per node (so a
 * long first refresh never holds up the platform's other scheduled jobs) and on one node at a time per agreement
 * ({@link ClusterLock}). A refresh walks the shareable indicators in id order, {@code refresh-chunk} at a time, and
 * compares each chunk with the collection's rows: new and changed indicators get a new version, indicators that left
 * the scope (a record now TLP:RED, a type taken out) a revoked one, all stamped later than anything stamped before.
 * Every chunk is a transaction of its own; a refresh cut short by a crash leaves a consistent collection and the next
 * one simply continues comparing.
 */
@Component
class CollectionRefresh {

	private static final Logger log = LoggerFactory.getLogger(CollectionRefresh.class);

	private final AgreementRepository agreements;
	private final CollectionObjects objects;
	private final SharedIndicators shared;
	private final ClusterLock locks;
	private final TransactionTemplate transactions;
	private final SharingProperties properties;
	private final Clock clock;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "sharing-refresh");
		t.setDaemon(true);
		return t;
	});
	private final AtomicBoolean running = new AtomicBoolean();

	CollectionRefresh(AgreementRepository agreements, CollectionObjects objects, SharedIndicators shared,
			ClusterLock locks, TransactionTemplate transactions, SharingProperties properties, Clock clock) {
		this.agreements = agreements;
		this.objects = objects;
		this.shared = shared;
		this.locks = locks;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${eccp.sharing.refresh-interval:1m}", fixedDelayString = "${eccp.sharing.refresh-interval:1m}")
	void schedule() {
		if (running.compareAndSet(false, true)) {
			worker.execute(() -> {
				try {
					refreshAll();
				}
				catch (RuntimeException e) {
					log.warn("sharing refresh failed: {}", e.toString());
				}
				finally {
					running.set(false);
				}
			});
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	void refreshAll() {
		LocalDate today = LocalDate.now(clock);
		for (Agreement agreement : agreements.notEnded()) {
			if (agreement.activeOn(today) && !Thread.currentThread().isInterrupted()) {
				refresh(agreement);
			}
		}
	}

	/** Brings one collection up to date; returns how many indicators got a new version (0 when another node runs it). */
	int refresh(Agreement agreement) {
		int[] changed = { 0 };
		locks.runExclusively("sharing.refresh." + agreement.id(), () -> changed[0] = compareAll(agreement));
		return changed[0];
	}

	private int compareAll(Agreement agreement) {
		SharedIndicators.Scope scope = new SharedIndicators.Scope(agreement.sharing(), agreement.tlpCeiling(),
				agreement.indicatorTypes());
		int chunk = properties.refreshChunk();
		long after = 0;
		int changed = 0;
		while (true) {
			List<SharedIndicators.Summary> page = shared.page(scope, after, chunk);
			long upTo = page.size() < chunk ? Long.MAX_VALUE : page.get(page.size() - 1).indicatorId();
			long from = after;
			Integer done = transactions.execute(status -> compare(agreement, page, from, upTo));
			changed += done == null ? 0 : done;
			if (page.size() < chunk) {
				break;
			}
			after = upTo;
		}
		Instant at = clock.instant();
		transactions.executeWithoutResult(status -> objects.refreshed(agreement.id(), at));
		if (changed > 0) {
			log.info("sharing agreement {}: {} indicators with a new version", agreement.id(), changed);
		}
		return changed;
	}

	private int compare(Agreement agreement, List<SharedIndicators.Summary> page, long after, long upTo) {
		Map<Long, CollectionRow> stored = new HashMap<>();
		objects.range(agreement.id(), after, upTo).forEach(r -> stored.put(r.indicatorId(), r));
		List<SharedIndicators.Summary> changed = new ArrayList<>();
		List<UUID> stixIds = new ArrayList<>();
		List<UUID> sightingIds = new ArrayList<>();
		Set<Long> present = new java.util.HashSet<>();
		for (SharedIndicators.Summary s : page) {
			present.add(s.indicatorId());
			CollectionRow row = stored.get(s.indicatorId());
			if (row == null || row.revoked() || !same(row, s)) {
				UUID stix = StixIds.indicator(s.type(), s.value());
				changed.add(s);
				stixIds.add(stix);
				sightingIds.add(StixIds.sighting(agreement.id(), stix));
			}
		}
		List<Long> gone = stored.values().stream().filter(r -> !r.revoked() && !present.contains(r.indicatorId()))
			.map(CollectionRow::indicatorId).toList();
		if (changed.isEmpty() && gone.isEmpty()) {
			return 0;
		}
		Instant stamp = objects.nextStamp(agreement.id(), clock.instant(), changed.size() + gone.size());
		if (!changed.isEmpty()) {
			objects.upsert(agreement.id(), changed, stixIds, sightingIds, stamp);
		}
		if (!gone.isEmpty()) {
			objects.revoke(agreement.id(), gone, stamp.plus(changed.size(), java.time.temporal.ChronoUnit.MICROS));
		}
		return changed.size() + gone.size();
	}

	private static boolean same(CollectionRow row, SharedIndicators.Summary s) {
		return row.records() == s.records() && row.firstSeen().equals(micros(s.firstSeen()))
				&& row.lastSeen().equals(micros(s.lastSeen())) && row.countries().equals(s.countries())
				&& row.tlp() == s.marking();
	}

	private static Instant micros(Instant i) {
		return i.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}
}
