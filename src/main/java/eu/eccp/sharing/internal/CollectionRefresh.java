package eu.eccp.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * ({@link ClusterLock}). A collection's first refresh walks the shareable indicators in id order, {@code refresh-chunk}
 * at a time; later ones only the indicators that gained sightings since (correlation's history of changes, kept a
 * day; a collection not refreshed for half of that is walked whole again). Each chunk is compared with the
 * collection's rows: new and changed indicators get a new version, indicators that left
 * the scope (a record now TLP:RED, a type taken out) a revoked one, all stamped later than anything stamped before.
 * Every chunk is a transaction of its own; a refresh cut short by a crash leaves a consistent collection and the next
 * one simply continues comparing. After the agreements, the public collection (when enabled) is brought up to date
 * from their collections.
 */
@Component
class CollectionRefresh {

	private static final Logger log = LoggerFactory.getLogger(CollectionRefresh.class);

	private final AgreementRepository agreements;
	private final CollectionObjectRepository objects;
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

	CollectionRefresh(AgreementRepository agreements, CollectionObjectRepository objects, SharedIndicators shared,
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

	private volatile boolean stopping;

	/** Lets a running refresh finish its chunk (each is a transaction of its own), then stops; the next start goes on. */
	@jakarta.annotation.PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		worker.shutdown();
		if (!worker.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
			worker.shutdownNow();
		}
	}

	void refreshAll() {
		LocalDate today = LocalDate.now(clock);
		for (Agreement agreement : agreements.notEnded()) {
			if (agreement.activeOn(today) && !stopping) {
				refresh(agreement);
			}
		}
		if (properties.publicCollection() && !stopping) {
			refreshPublic();
		}
	}

	/** Brings one collection up to date; returns how many indicators got a new version (0 when another node runs it). */
	int refresh(Agreement agreement) {
		int[] changed = { 0 };
		locks.runExclusively("sharing.refresh." + agreement.id(), () -> changed[0] = compareAll(agreement));
		return changed[0];
	}

	/**
	 * Brings the collection up to date: from the indicators that gained sightings since its last refresh when that
	 * refresh is recent enough for correlation to still hold the changes since, else by comparing every indicator in
	 * scope.
	 */
	private int compareAll(Agreement agreement) {
		SharedIndicators.Scope scope = new SharedIndicators.Scope(agreement.sharing(), agreement.tlpCeiling(),
				agreement.indicatorTypes());
		Instant now = clock.instant();
		Optional<CollectionObjectRepository.Horizon> last = objects.horizon(agreement.id())
			.filter(h -> h.refreshedAt().isAfter(now.minus(SharedIndicators.CHANGES_KEPT.dividedBy(2))));
		if (last.isPresent()) {
			return compareChanged(agreement, scope, new SharedIndicators.ChangeHorizon(last.get().transaction()));
		}
		// taken before the walk: whatever changes while it runs is compared again by the next refresh
		SharedIndicators.ChangeHorizon horizon = shared.horizon();
		int chunk = properties.refreshChunk();
		long after = 0;
		int changed = 0;
		while (!stopping) {
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
		return finish(agreement, changed, horizon, true);
	}

	/** Compares only the indicators that gained sightings since {@code since}, a chunk of ids at a time. */
	private int compareChanged(Agreement agreement, SharedIndicators.Scope scope, SharedIndicators.ChangeHorizon since) {
		SharedIndicators.Changes changes = shared.changedSince(since);
		List<Long> ids = changes.indicatorIds();
		int chunk = properties.refreshChunk();
		int changed = 0;
		for (int from = 0; from < ids.size() && !stopping; from += chunk) {
			List<Long> part = ids.subList(from, Math.min(ids.size(), from + chunk));
			List<SharedIndicators.Summary> summaries = shared.summaries(scope, part);
			Integer done = transactions.execute(status -> compare(agreement.id(), stamped(agreement, summaries),
					objects.rowsOf(agreement.id(), part)));
			changed += done == null ? 0 : done;
		}
		return finish(agreement, changed, changes.next(), false);
	}

	/**
	 * Notes the collection refreshed; after a walk of every indicator its count of objects is also taken anew (each
	 * comparison keeps it, this mends one a crash cut short).
	 */
	private int finish(Agreement agreement, int changed, SharedIndicators.ChangeHorizon next, boolean recount) {
		if (stopping) {
			return changed;
		}
		Instant at = clock.instant();
		transactions.executeWithoutResult(status -> objects.refreshed(agreement.id(), at, next.transaction(), recount));
		if (changed > 0) {
			log.info("sharing agreement {}: {} indicators with a new version", agreement.id(), changed);
		}
		return changed;
	}

	private int compare(Agreement agreement, List<SharedIndicators.Summary> page, long after, long upTo) {
		return compare(agreement.id(), stamped(agreement, page), objects.range(agreement.id(), after, upTo));
	}

	private static List<CollectionObjectRepository.Stamped> stamped(Agreement agreement, List<SharedIndicators.Summary> page) {
		List<CollectionObjectRepository.Stamped> now = new ArrayList<>(page.size());
		for (SharedIndicators.Summary s : page) {
			UUID stix = StixIds.indicator(s.type(), s.value());
			now.add(new CollectionObjectRepository.Stamped(s.indicatorId(), s.type(), stix, StixIds.sighting(agreement.id(), stix),
					s.firstSeen(), s.lastSeen(), s.records(), s.countries(), s.marking()));
		}
		return now;
	}

	/**
	 * Compares what a collection should hold for some indicators with its rows for the same indicators
	 * ({@code storedRows}): new and changed indicators get a new version, those no longer there a revoked one.
	 */
	private int compare(UUID collection, List<CollectionObjectRepository.Stamped> page, List<CollectionRow> storedRows) {
		Map<Long, CollectionRow> stored = new HashMap<>();
		storedRows.forEach(r -> stored.put(r.indicatorId(), r));
		List<CollectionObjectRepository.Stamped> changed = new ArrayList<>();
		Set<Long> present = new java.util.HashSet<>();
		int added = 0;
		for (CollectionObjectRepository.Stamped s : page) {
			present.add(s.indicatorId());
			CollectionRow row = stored.get(s.indicatorId());
			if (row == null || row.revoked()) {
				changed.add(s);
				added++;
			}
			else if (!same(row, s)) {
				changed.add(s);
			}
		}
		List<Long> gone = stored.values().stream().filter(r -> !r.revoked() && !present.contains(r.indicatorId()))
			.map(CollectionRow::indicatorId).toList();
		if (changed.isEmpty() && gone.isEmpty()) {
			return 0;
		}
		Instant stamp = objects.nextStamp(collection, clock.instant(), changed.size() + gone.size());
		if (!changed.isEmpty()) {
			objects.upsert(collection, changed, stamp, properties.maxVersions());
		}
		if (!gone.isEmpty()) {
			objects.revoke(collection, gone, stamp.plus(changed.size(), java.time.temporal.ChronoUnit.MICROS),
					properties.maxVersions());
		}
		objects.countObjects(collection, added - gone.size());
		return changed.size() + gone.size();
	}

	/**
	 * Brings the public collection up to date (when the operator enables it): the TLP:CLEAR indicators, of types that
	 * are not personal data under the agreement, in the collections of the agreements in force that publish there;
	 * an indicator in several of them appears once, with the earliest first and latest last sighting, the largest
	 * count and all countries. Indicators that left every such collection get a revoked version.
	 */
	int refreshPublic() {
		int[] changed = { 0 };
		locks.runExclusively("sharing.refresh." + PublicCollection.ID, () -> changed[0] = comparePublic());
		return changed[0];
	}

	private int comparePublic() {
		LocalDate today = LocalDate.now(clock);
		List<UUID> collections = new ArrayList<>();
		List<String> types = new ArrayList<>();
		for (Agreement a : agreements.notEnded()) {
			if (a.publicClear() && a.activeOn(today)) {
				for (String type : a.indicatorTypes()) {
					if (!a.isPersonal(type)) {
						collections.add(a.id());
						types.add(type);
					}
				}
			}
		}
		int chunk = properties.refreshChunk();
		long after = 0;
		int changed = 0;
		while (!stopping) {
			List<CollectionRow> rows = objects.publishable(collections, types, after, chunk);
			List<CollectionObjectRepository.Stamped> merged = merge(rows);
			long upTo = merged.size() < chunk ? Long.MAX_VALUE : merged.get(merged.size() - 1).indicatorId();
			long from = after;
			Integer done = transactions.execute(status -> compare(PublicCollection.ID, merged,
					objects.range(PublicCollection.ID, from, upTo)));
			changed += done == null ? 0 : done;
			if (merged.size() < chunk) {
				break;
			}
			after = upTo;
		}
		if (!stopping) {
			Instant at = clock.instant();
			transactions.executeWithoutResult(status -> objects.refreshed(PublicCollection.ID, at, null, true));
		}
		return changed;
	}

	/** One public version per indicator from its rows in the publishing collections (rows in indicator id order). */
	private static List<CollectionObjectRepository.Stamped> merge(List<CollectionRow> rows) {
		List<CollectionObjectRepository.Stamped> merged = new ArrayList<>();
		int i = 0;
		while (i < rows.size()) {
			CollectionRow first = rows.get(i);
			Instant firstSeen = first.firstSeen();
			Instant lastSeen = first.lastSeen();
			int records = first.records();
			java.util.TreeSet<String> countries = new java.util.TreeSet<>(first.countries());
			int j = i + 1;
			while (j < rows.size() && rows.get(j).indicatorId() == first.indicatorId()) {
				CollectionRow r = rows.get(j);
				firstSeen = r.firstSeen().isBefore(firstSeen) ? r.firstSeen() : firstSeen;
				lastSeen = r.lastSeen().isAfter(lastSeen) ? r.lastSeen() : lastSeen;
				records = Math.max(records, r.records());
				countries.addAll(r.countries());
				j++;
			}
			merged.add(new CollectionObjectRepository.Stamped(first.indicatorId(), first.type(), first.stixUuid(),
					StixIds.sighting(PublicCollection.ID, first.stixUuid()), firstSeen, lastSeen, records,
					List.copyOf(countries), eu.eccp.shared.Tlp.CLEAR));
			i = j;
		}
		return merged;
	}

	private static boolean same(CollectionRow row, CollectionObjectRepository.Stamped s) {
		return row.records() == s.records() && row.firstSeen().equals(micros(s.firstSeen()))
				&& row.lastSeen().equals(micros(s.lastSeen())) && row.countries().equals(s.countries())
				&& row.tlp() == s.tlp();
	}

	private static Instant micros(Instant i) {
		return i.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}
}
