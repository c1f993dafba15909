package eu.eccp.correlation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.CrossBorderHitsFound;
import eu.eccp.correlation.HitAnnouncement;
import eu.eccp.correlation.IngestResult;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.indicators.RelatedValue;
import eu.eccp.indicators.RelatedValues;
import eu.eccp.indicators.Relation;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/**
 * Records sightings and correlates them, set-based, one batch per transaction:
 * <ol>
 * <li>indicator values are upserted, records get a row (a new record starts as its own cluster);</li>
 * <li>sightings are inserted (those already known are ignored, which makes replays harmless) and each
 * indicator's count of distinct records grows with its new sightings;</li>
 * <li>for every new sighting of a linking indicator (not benign, seen in at most
 * {@code max-sources-to-link} records) the other records carrying it are read from the sighting index:
 * their clusters are merged (union by size: the smaller cluster is relabelled, so a record changes
 * cluster O(log n) times at most) and, where the other record belongs to another country, a hit is
 * created for both owners, except that TLP:RED records never show up in another organisation's hits.</li>
 * </ol>
 * Ingests run in parallel up to the linking step, which takes an advisory lock, so clusters are never merged
 * by two transactions at once. Each value a batch sights anew is counted, and its row locked, before that
 * lock: an ingest sighting the same value waits for the first to commit and then links to it, so no link is
 * lost between two records that arrive at the same moment.
 *
 * <p><b>Related values</b> (issue 12) go through the same statements: each indicator's derived values
 * ({@link RelatedValues}: a URL's host and registrable domain, an e-mail address's domain) are sighted with the
 * batch as <em>derived</em> sightings ({@code sighting.derivation} says how), except those on a warning or
 * "too common" list, which would link nothing. Under the lock, each new sighting of an IP address adds a derived
 * sighting of every reported range holding it, and each new sighting of a range one of every record carrying
 * an address inside it (GiST indexes on {@code indicator_value.network}, never a scan of all ranges); from then
 * on they link like any sighting. A derived hit that tells a unit nothing its stronger hit of the same batch
 * does not (the same records share the URL and its host) is not created.
 */
@Service
class CorrelationIngest implements Sightings {

	private static final long LOCK = 0x45434350_436f7272L;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CorrelationIngest.class);

	private final org.springframework.transaction.support.TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final CorrelationProperties properties;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final Clock clock;
	private final java.util.concurrent.Semaphore turns;
	private final RelatedValues related;

	CorrelationIngest(JdbcClient jdbc, CorrelationProperties properties, ApplicationEventPublisher events,
			AuditTrail audit, Clock clock, org.springframework.transaction.PlatformTransactionManager transactionManager,
			RelatedValues related) {
		this.related = related;
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.turns = new java.util.concurrent.Semaphore(properties.concurrentIngests(), true);
	}

	/** A record of the batch; {@code created} when this transaction inserted it (so all its sightings are new). */
	private record Rec(long id, long cluster, String country, UUID owner, Tlp tlp, boolean created) {

		Rec inCluster(long other) {
			return new Rec(id, other, country, owner, tlp, created);
		}
	}

	/** A hit to create: an organisation learns that its record carries an indicator records abroad carry. */
	record NewHit(UUID organisation, long record, long indicator) {
	}

	/** How a record carries a value it states itself (a derived sighting stores its {@link Relation}'s code). */
	private static final int EXACT = 0;

	/** Adds a record to a value's carriers, keeping the strongest way it carries it. */
	private static void carry(TreeMap<String, Seen> values, Map<String, Map<Long, Integer>> carriers, String key,
			ObservedIndicator indicator, Rec rec, Instant at, int how) {
		Seen seen = values.computeIfAbsent(key, x -> new Seen(indicator, at));
		seen.first = seen.first.isBefore(at) ? seen.first : at;
		seen.last = seen.last.isAfter(at) ? seen.last : at;
		Map<Long, Integer> byRecord = carriers.computeIfAbsent(key, x -> new LinkedHashMap<>());
		Integer before = byRecord.get(rec.id());
		if (before == null) {
			byRecord.put(rec.id(), how);
			if (rec.created()) {
				seen.newCarriers++;
			}
		}
		else if (how < before) {
			byRecord.put(rec.id(), how);
		}
	}

	/** What the batch says of one indicator value. */
	private static final class Seen {

		final ObservedIndicator indicator;
		Instant first;
		Instant last;
		/** Distinct records created by this batch that carry it: sightings known to be new before inserting them. */
		int newCarriers;

		Seen(ObservedIndicator indicator, Instant at) {
			this.indicator = indicator;
			this.first = at;
			this.last = at;
		}
	}

	/** A value's id, its count of distinct carrying records (as far as this transaction knows) and warning list. */
	private record Value(long id, int sourceCount, @org.jspecify.annotations.Nullable String benign) {
	}

	/**
	 * Records a batch in a transaction of its own. Two ingests that lock each other's value rows in a
	 * different order (possible only when both add sightings to records known before) make PostgreSQL abort
	 * one of them; it is then simply run again: recording is idempotent.
	 */
	@Override
	public IngestResult record(List<RecordSightings> batch, HitAnnouncement announcement) {
		if (batch.isEmpty()) {
			return new IngestResult(0, 0, 0, 0);
		}
		// the turn is taken before the transaction, so an ingest waiting for it holds no connection
		turns.acquireUninterruptibly();
		try {
			for (int attempt = 1;; attempt++) {
				try {
					return java.util.Objects.requireNonNull(transactions.execute(status -> ingest(batch, announcement)));
				}
				catch (org.springframework.dao.PessimisticLockingFailureException e) {
					if (attempt >= 5) {
						throw e;
					}
					log.info("correlation ingest of {} records lost a lock conflict, attempt {}", batch.size(), attempt);
				}
			}
		}
		finally {
			turns.release();
		}
	}

	@Override
	public int announce(String key) {
		return java.util.Objects.requireNonNull(transactions.execute(status -> {
			Map<UUID, List<UUID>> perOrganisation = new TreeMap<>();
			jdbc.sql("DELETE FROM hit_announcement_held WHERE held_under = :key RETURNING organisation_id, hit_id")
				.param("key", key)
				.query((rs, n) -> perOrganisation.computeIfAbsent(rs.getObject(1, UUID.class), o -> new ArrayList<>())
					.add(rs.getObject(2, UUID.class)))
				.list();
			perOrganisation.forEach((org, ids) -> {
				Collections.sort(ids);
				events.publishEvent(new CrossBorderHitsFound(new OrganisationId(org), ids, ids.size()));
			});
			return perOrganisation.values().stream().mapToInt(List::size).sum();
		}));
	}

	private IngestResult ingest(List<RecordSightings> batch, HitAnnouncement announcement) {
		Instant now = clock.instant();
		// Every statement of the ingest probes indexes with one batch's keys: a few thousand rows against tables
		// of millions. Left to itself, the planner merge-joined or scanned whole tables (a relabel walked the
		// entire cluster index; counting carriers scanned every sighting), which made each batch cost grow with
		// the size of the database. Index probes only, for this transaction.
		jdbc.sql("""
				SELECT set_config('enable_seqscan', 'off', true), set_config('enable_mergejoin', 'off', true),
				  set_config('enable_hashjoin', 'off', true)""").query().singleRow();
		Map<String, Rec> records = upsertRecords(batch, now);
		Map<Long, Rec> recordsById = new HashMap<>();
		records.values().forEach(r -> recordsById.put(r.id(), r));

		// the batch's (value, record) pairs, each once, with what is known of each value
		TreeMap<String, Seen> values = new TreeMap<>();
		// value key -> record -> how the record carries it (EXACT, else a Relation's code: the strongest wins)
		Map<String, Map<Long, Integer>> carriers = new LinkedHashMap<>();
		Map<Long, Timestamp> seenAtOf = new HashMap<>();
		Map<String, List<RelatedValue>> derivedOf = new HashMap<>();
		DerivedHits.Sources derivedFrom = new DerivedHits.Sources();
		for (RecordSightings sightings : batch) {
			Rec rec = records.get(key(sightings));
			seenAtOf.merge(rec.id(), Timestamp.from(sightings.seenAt()), (a, b) -> a.before(b) ? a : b);
			for (ObservedIndicator indicator : sightings.indicators()) {
				String k = indicator.type() + "\u0000" + indicator.value();
				carry(values, carriers, k, indicator, rec, sightings.seenAt(), EXACT);
				String previous = k;
				for (RelatedValue d : derivedOf.computeIfAbsent(k, x -> related.of(indicator.type(), indicator.value()))) {
					if (d.benign() != null) {
						continue; // on a warning or "too common" list: it would link nothing
					}
					String dk = d.type().name() + "\u0000" + d.value();
					carry(values, carriers, dk, new ObservedIndicator(d.type().name(), d.value(), null), rec,
							sightings.seenAt(), d.relation().code());
					// a weaker derived value (the registrable domain) tells nothing a stronger one (the URL, its
					// host) does not when both have the same carriers
					derivedFrom.add(dk, k);
					if (!previous.equals(k)) {
						derivedFrom.add(dk, previous);
					}
					previous = dk;
				}
			}
		}
		// Values, sightings and counts are written before the linking lock, so two ingests do this part in
		// parallel. Each new sighting's value row is locked (counted) before the lock is taken and stays locked
		// until commit: an ingest that sights the same value waits here for this one to commit, and then links.
		Map<String, Value> byKey = upsertValues(values);
		Map<Long, Value> valueIds = new HashMap<>();
		byKey.values().forEach(v -> valueIds.put(v.id(), v));

		List<Long> sightingIndicators = new ArrayList<>();
		List<Long> sightingRecords = new ArrayList<>();
		List<String> sightingCountries = new ArrayList<>();
		List<Boolean> sightingRed = new ArrayList<>();
		List<Timestamp> sightingTimes = new ArrayList<>();
		List<Short> sightingDerivations = new ArrayList<>();
		// in primary-key order, so that the index pages each insert touches are visited once, in sequence
		List<long[]> pairs = new ArrayList<>();
		carriers.forEach((k, recordIds) -> recordIds.forEach((r, how) -> pairs.add(new long[] { byKey.get(k).id(), r, how })));
		pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
		for (long[] pair : pairs) {
			Rec rec = recordsById.get(pair[1]);
			sightingIndicators.add(pair[0]);
			sightingRecords.add(pair[1]);
			sightingCountries.add(rec.country());
			sightingRed.add(!rec.tlp().mayLeaveOwner());
			sightingTimes.add(seenAtOf.get(pair[1]));
			sightingDerivations.add(pair[2] == EXACT ? null : (short) pair[2]);
		}
		List<long[]> fresh = new ArrayList<>(jdbc.sql("""
				INSERT INTO sighting (indicator_id, record_id, country, red, seen_at, derivation)
				SELECT * FROM unnest(CAST(:i AS bigint[]), CAST(:r AS bigint[]), CAST(:c AS text[]), CAST(:red AS boolean[]),
				  CAST(:t AS timestamptz[]), CAST(:d AS smallint[]))
				ON CONFLICT DO NOTHING
				RETURNING indicator_id, record_id""")
			.param("i", sightingIndicators.toArray(Long[]::new))
			.param("r", sightingRecords.toArray(Long[]::new))
			.param("c", sightingCountries.toArray(String[]::new))
			.param("red", sightingRed.toArray(Boolean[]::new))
			.param("t", sightingTimes.toArray(Timestamp[]::new))
			.param("d", sightingDerivations.toArray(Short[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list());
		// the ranges holding the batch's new addresses (and the addresses inside its new ranges) are looked for
		// under the lock below; an ingest whose own sightings are all known may still have none to add
		Map<Long, String> networkTypes = new HashMap<>();
		byKey.forEach((k, v) -> {
			String type = k.substring(0, k.indexOf('\u0000'));
			if (Networks.isNetworkType(type)) {
				networkTypes.put(v.id(), type);
			}
		});
		boolean mayHaveRanges = fresh.stream().anyMatch(f -> networkTypes.containsKey(f[0]));
		if (fresh.isEmpty()) {
			return new IngestResult(batch.size(), 0, 0, 0);
		}
		// new sightings of records known before this batch (a replay adds none) count now
		Map<Long, Integer> added = new TreeMap<>();
		fresh.stream().filter(f -> !recordsById.get(f[1]).created()).forEach(f -> added.merge(f[0], 1, Integer::sum));
		if (!added.isEmpty()) {
			Timestamp latest = sightingTimes.stream().max(Comparator.naturalOrder()).orElseThrow();
			jdbc.sql("""
					UPDATE indicator_value v SET source_count = v.source_count + x.c, last_seen = GREATEST(v.last_seen, :latest)
					FROM unnest(CAST(:ids AS bigint[]), CAST(:counts AS int[])) AS x(id, c)
					WHERE v.id = x.id
					RETURNING v.id, v.source_count, v.benign""")
				.param("ids", added.keySet().toArray(Long[]::new))
				.param("counts", added.values().toArray(Integer[]::new))
				.param("latest", latest)
				.query((rs, n) -> valueIds.put(rs.getLong(1), new Value(rs.getLong(1), rs.getInt(2), rs.getString(3))))
				.list();
		}
		// Linking, hits and cluster merges run one transaction at a time. Under the lock every statement sees
		// what other transactions committed meanwhile, so two records arriving at once are still linked, by the
		// later one.
		jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleRow();
		refreshClusters(recordsById);
		if (mayHaveRanges) {
			fresh.addAll(addressesInRanges(fresh, networkTypes, recordsById, valueIds, seenAtOf, derivedFrom));
		}

		Set<Long> linkable = new HashSet<>();
		for (long[] f : fresh) {
			Value value = valueIds.get(f[0]);
			if (value.benign() == null && value.sourceCount() <= properties.maxSourcesToLink()) {
				linkable.add(f[0]);
			}
		}
		if (linkable.isEmpty()) {
			return new IngestResult(batch.size(), fresh.size(), 0, 0);
		}
		Map<Long, Set<Long>> freshByIndicator = new HashMap<>();
		List<long[]> freshLinkable = new ArrayList<>();
		for (long[] f : fresh) {
			if (linkable.contains(f[0])) {
				freshByIndicator.computeIfAbsent(f[0], k -> new java.util.LinkedHashSet<>()).add(f[1]);
				freshLinkable.add(f);
			}
		}
		Map<Long, Carriers> existing = existingCarriers(freshByIndicator.keySet(), freshLinkable);

		ClusterUnion union = new ClusterUnion();
		Set<NewHit> hits = new java.util.LinkedHashSet<>();
		int links = 0;
		for (Map.Entry<Long, Set<Long>> entry : freshByIndicator.entrySet()) {
			long indicator = entry.getKey();
			Carriers known = existing.getOrDefault(indicator, new Carriers());
			for (long recordId : entry.getValue()) {
				Rec self = recordsById.get(recordId);
				links += known.count;
				if (known.cluster != null) {
					union.join(self.cluster(), known.cluster);
				}
				known.records.forEach(r -> union.join(self.cluster(), r.cluster()));
				hits.addAll(hitsFor(self, known, indicator));
				known.add(self);
			}
		}
		mergeClusters(union, now);
		Map<Long, Integer> carrierTotals = new HashMap<>();
		freshByIndicator.forEach((indicator, fresher) -> carrierTotals.put(indicator,
				fresher.size() + existing.getOrDefault(indicator, new Carriers()).count));
		Map<String, Long> idOfKey = new HashMap<>();
		byKey.forEach((k, v) -> idOfKey.put(k, v.id()));
		hits = DerivedHits.withoutRedundant(hits, derivedFrom.byId(idOfKey), carrierTotals);
		int created = createHits(hits, now, announcement);
		return new IngestResult(batch.size(), fresh.size(), links, created);
	}

	/**
	 * What is known of an indicator's carriers before the current one joins: how many, the non-RED
	 * countries (with counts), one cluster they all share, and, only when a fan-out of hits may be due,
	 * the carriers themselves.
	 */
	private static final class Carriers {

		int count;
		@org.jspecify.annotations.Nullable Long cluster;
		final Map<String, Integer> nonRedCountries = new HashMap<>();
		final List<Rec> records = new ArrayList<>();

		void add(Rec record) {
			count++;
			if (record.tlp().mayLeaveOwner()) {
				nonRedCountries.merge(record.country(), 1, Integer::sum);
			}
			records.add(record);
		}
	}

	/**
	 * Reads what is known of the carriers of each indicator, excluding the sightings just inserted: counts per
	 * country from the sighting table alone, the cluster of one carrier, and the carriers themselves only
	 * for the indicators whose non-RED carriers do not yet span two countries (a fan-out may be due).
	 */
	private Map<Long, Carriers> existingCarriers(Set<Long> indicators, List<long[]> fresh) {
		Map<Long, Carriers> result = new HashMap<>();
		Map<Long, Long> anchors = new HashMap<>();
		Long[] freshIndicators = fresh.stream().map(f -> f[0]).toArray(Long[]::new);
		Long[] freshRecords = fresh.stream().map(f -> f[1]).toArray(Long[]::new);
		jdbc.sql("""
				SELECT s.indicator_id, s.country, s.red, count(*), min(s.record_id) FROM sighting s
				WHERE s.indicator_id = ANY (CAST(:ids AS bigint[]))
				  AND (s.indicator_id, s.record_id) NOT IN (SELECT * FROM unnest(CAST(:fi AS bigint[]), CAST(:fr AS bigint[])))
				GROUP BY 1, 2, 3""")
			.param("ids", indicators.toArray(Long[]::new))
			.param("fi", freshIndicators)
			.param("fr", freshRecords)
			.query((rs, n) -> {
				Carriers c = result.computeIfAbsent(rs.getLong(1), k -> new Carriers());
				c.count += rs.getInt(4);
				if (!rs.getBoolean(3)) {
					c.nonRedCountries.merge(rs.getString(2), rs.getInt(4), Integer::sum);
				}
				anchors.merge(rs.getLong(1), rs.getLong(5), Math::min);
				return null;
			})
			.list();
		if (!anchors.isEmpty()) {
			Map<Long, Long> clusterOf = new HashMap<>();
			jdbc.sql("SELECT id, cluster_id FROM correlation_record WHERE id = ANY (CAST(:ids AS bigint[]))")
				.param("ids", new HashSet<>(anchors.values()).toArray(Long[]::new))
				.query((rs, n) -> clusterOf.put(rs.getLong(1), rs.getLong(2)))
				.list();
			anchors.forEach((indicator, anchor) -> result.get(indicator).cluster = clusterOf.get(anchor));
		}
		List<Long> fanOut = result.entrySet().stream().filter(e -> e.getValue().nonRedCountries.size() <= 1)
			.map(Map.Entry::getKey).toList();
		if (!fanOut.isEmpty()) {
			// two index lookups rather than one join: planned as a join, PostgreSQL hashed the whole record table
			List<long[]> pairs = jdbc.sql("""
					SELECT s.indicator_id, s.record_id FROM sighting s
					WHERE s.indicator_id = ANY (CAST(:ids AS bigint[]))
					  AND (s.indicator_id, s.record_id) NOT IN (SELECT * FROM unnest(CAST(:fi AS bigint[]), CAST(:fr AS bigint[])))""")
				.param("ids", fanOut.toArray(Long[]::new))
				.param("fi", freshIndicators)
				.param("fr", freshRecords)
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.list();
			Map<Long, Rec> carriers = new HashMap<>();
			if (!pairs.isEmpty()) {
				jdbc.sql("""
						SELECT r.id, r.cluster_id, r.country, r.owner_org, r.tlp FROM correlation_record r
						WHERE r.id = ANY (CAST(:ids AS bigint[]))""")
					.param("ids", pairs.stream().map(p -> p[1]).distinct().toArray(Long[]::new))
					.query((rs, n) -> carriers.put(rs.getLong(1), new Rec(rs.getLong(1), rs.getLong(2), rs.getString(3),
							rs.getObject(4, UUID.class), Tlp.valueOf(rs.getString(5)), false)))
					.list();
			}
			for (long[] pair : pairs) {
				Rec carrier = carriers.get(pair[1]);
				if (carrier != null) {
					result.get(pair[0]).records.add(carrier);
				}
			}
		}
		return result;
	}

	/**
	 * The hits a record joining an indicator's carriers creates: its own (when a record of another country,
	 * not TLP:RED, carries the indicator) and, unless it is TLP:RED itself, those of the carriers that had no
	 * cross-border partner until now. A carrier has one as soon as the indicator's non-RED carriers span two
	 * countries, so the fan-out happens at most once per indicator and country.
	 */
	private static List<NewHit> hitsFor(Rec self, Carriers known, long indicator) {
		List<NewHit> hits = new ArrayList<>();
		Set<String> nonRedCountries = known.nonRedCountries.keySet();
		boolean partnerAbroad = nonRedCountries.stream().anyMatch(c -> !c.equals(self.country()));
		if (partnerAbroad) {
			hits.add(new NewHit(self.owner(), self.id(), indicator));
		}
		if (!self.tlp().mayLeaveOwner() || nonRedCountries.size() >= 2) {
			return hits;
		}
		String only = nonRedCountries.isEmpty() ? null : nonRedCountries.iterator().next();
		for (Rec k : known.records) {
			boolean lacksHit = only == null || k.country().equals(only);
			if (lacksHit && !k.country().equals(self.country())) {
				hits.add(new NewHit(k.owner(), k.id(), indicator));
			}
		}
		return hits;
	}

	/**
	 * Under the lock: derived sightings ({@link Relation#ADDRESS_IN_RANGE}) of the reported ranges that hold the
	 * batch's new addresses, for the records carrying them, and of the batch's new ranges, for the records
	 * carrying addresses inside them (at most {@code max-sources-to-link + 1} of those per range: one more and
	 * the range is too common to link anyway). Both directions probe GiST indexes; the new sightings are
	 * counted like any and returned, to be linked with the batch's own.
	 */
	private List<long[]> addressesInRanges(List<long[]> fresh, Map<Long, String> networkTypes, Map<Long, Rec> recordsById,
			Map<Long, Value> valueIds, Map<Long, Timestamp> seenAtOf, DerivedHits.Sources derivedFrom) {
		Map<Long, List<Long>> addressCarriers = new HashMap<>();
		Set<Long> ranges = new java.util.TreeSet<>();
		for (long[] f : fresh) {
			String type = networkTypes.get(f[0]);
			if (type == null || valueIds.get(f[0]).benign() != null) {
				continue;
			}
			if (type.equals("CIDR")) {
				ranges.add(f[0]);
			}
			else {
				addressCarriers.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
			}
		}
		// range -> record -> {country, red, seen at}
		Map<Long, Map<Long, Object[]>> derived = new TreeMap<>();
		if (!addressCarriers.isEmpty()) {
			jdbc.sql("""
					SELECT a.id, r.id FROM indicator_value a
					JOIN indicator_value r ON r.type = 'CIDR' AND r.network >>= a.network AND r.benign IS NULL
					WHERE a.id = ANY (CAST(:ids AS bigint[])) AND a.network IS NOT NULL""")
				.param("ids", addressCarriers.keySet().toArray(Long[]::new))
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.list()
				.forEach(pair -> {
					derivedFrom.addIds(pair[1], pair[0]);
					for (long record : addressCarriers.get(pair[0])) {
						Rec rec = recordsById.get(record);
						derived.computeIfAbsent(pair[1], k -> new TreeMap<>()).putIfAbsent(record,
								new Object[] { rec.country(), !rec.tlp().mayLeaveOwner(), seenAtOf.get(record) });
					}
				});
		}
		if (!ranges.isEmpty()) {
			jdbc.sql("""
					SELECT q.id, x.record_id, x.country, x.red, x.seen_at FROM unnest(CAST(:ids AS bigint[])) AS q(id)
					CROSS JOIN LATERAL (
					  SELECT s.record_id, s.country, s.red, s.seen_at FROM indicator_value rv
					  JOIN indicator_value a ON a.type IN ('IPV4', 'IPV6') AND a.network <<= rv.network AND a.benign IS NULL
					  JOIN sighting s ON s.indicator_id = a.id
					  WHERE rv.id = q.id
					  LIMIT :limit) x""")
				.param("ids", ranges.toArray(Long[]::new))
				.param("limit", 2 * (properties.maxSourcesToLink() + 1))
				.query((rs, n) -> derived.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).putIfAbsent(rs.getLong(2),
						new Object[] { rs.getString(3).strip(), rs.getBoolean(4), rs.getTimestamp(5) }))
				.list();
		}
		if (derived.isEmpty()) {
			return List.of();
		}
		List<Long> indicators = new ArrayList<>();
		List<Long> recordIds = new ArrayList<>();
		List<String> countries = new ArrayList<>();
		List<Boolean> red = new ArrayList<>();
		List<Timestamp> times = new ArrayList<>();
		derived.forEach((range, byRecord) -> byRecord.forEach((record, facts) -> {
			indicators.add(range);
			recordIds.add(record);
			countries.add((String) facts[0]);
			red.add((Boolean) facts[1]);
			times.add((Timestamp) facts[2]);
		}));
		List<long[]> added = jdbc.sql("""
				INSERT INTO sighting (indicator_id, record_id, country, red, seen_at, derivation)
				SELECT i, r, c, red, t, CAST(:d AS smallint) FROM unnest(CAST(:i AS bigint[]), CAST(:r AS bigint[]),
				  CAST(:c AS text[]), CAST(:red AS boolean[]), CAST(:t AS timestamptz[])) AS x(i, r, c, red, t)
				ON CONFLICT DO NOTHING
				RETURNING indicator_id, record_id""")
			.param("d", Relation.ADDRESS_IN_RANGE.code())
			.param("i", indicators.toArray(Long[]::new))
			.param("r", recordIds.toArray(Long[]::new))
			.param("c", countries.toArray(String[]::new))
			.param("red", red.toArray(Boolean[]::new))
			.param("t", times.toArray(Timestamp[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		if (added.isEmpty()) {
			return added;
		}
		Map<Long, Integer> counts = new TreeMap<>();
		added.forEach(a -> counts.merge(a[0], 1, Integer::sum));
		jdbc.sql("""
				UPDATE indicator_value v SET source_count = v.source_count + x.c
				FROM unnest(CAST(:ids AS bigint[]), CAST(:counts AS int[])) AS x(id, c)
				WHERE v.id = x.id
				RETURNING v.id, v.source_count, v.benign""")
			.param("ids", counts.keySet().toArray(Long[]::new))
			.param("counts", counts.values().toArray(Integer[]::new))
			.query((rs, n) -> valueIds.put(rs.getLong(1), new Value(rs.getLong(1), rs.getInt(2), rs.getString(3))))
			.list();
		Long[] others = added.stream().map(a -> a[1]).filter(r -> !recordsById.containsKey(r)).distinct().toArray(Long[]::new);
		if (others.length > 0) {
			jdbc.sql("SELECT id, cluster_id, country, owner_org, tlp FROM correlation_record WHERE id = ANY (CAST(:ids AS bigint[]))")
				.param("ids", others)
				.query((rs, n) -> recordsById.put(rs.getLong(1), new Rec(rs.getLong(1), rs.getLong(2), rs.getString(3),
						rs.getObject(4, UUID.class), Tlp.valueOf(rs.getString(5)), false)))
				.list();
		}
		return added;
	}

	private static String key(RecordSightings sightings) {
		return sightings.source().kind() + "\u0000" + sightings.source().id();
	}

	/**
	 * Inserts the values not known yet and, in the same statement, counts the new records that carry known
	 * ones (sorted, so rows are always locked in the same order). Values carried only by records known before
	 * are read, not rewritten: whether those sightings are new is known only once they are inserted.
	 */
	/**
	 * Inserts the values not known yet and, in the same statement, counts the new records that carry known
	 * ones, locking those rows until commit (sorted, so rows are always locked in the same order). Values
	 * carried only by records known before are inserted if new, else read, not locked: whether those
	 * sightings are new is known only once they are inserted, and they are counted then.
	 */
	private Map<String, Value> upsertValues(TreeMap<String, Seen> values) {
		Map<String, Value> result = new HashMap<>();
		List<Seen> counted = values.values().stream().filter(x -> x.newCarriers > 0).toList();
		List<Seen> uncounted = values.values().stream().filter(x -> x.newCarriers == 0).toList();
		if (!counted.isEmpty()) {
			jdbc.sql("""
					INSERT INTO indicator_value AS v (type, value, benign, source_count, first_seen, last_seen, network)
					SELECT t, val, b, c, f, l, CAST(n AS inet) FROM unnest(CAST(:types AS text[]), CAST(:values AS text[]),
					  CAST(:benign AS text[]), CAST(:counts AS int[]), CAST(:first AS timestamptz[]), CAST(:last AS timestamptz[]),
					  CAST(:nets AS text[])) AS x(t, val, b, c, f, l, n)
					ON CONFLICT (type, value) DO UPDATE
					  SET source_count = v.source_count + EXCLUDED.source_count, last_seen = GREATEST(v.last_seen, EXCLUDED.last_seen)
					RETURNING v.id, v.type, v.value, v.source_count, v.benign""")
				.param("types", counted.stream().map(x -> x.indicator.type()).toArray(String[]::new))
				.param("values", counted.stream().map(x -> x.indicator.value()).toArray(String[]::new))
				.param("benign", counted.stream().map(x -> x.indicator.benign()).toArray(String[]::new))
				.param("counts", counted.stream().map(x -> x.newCarriers).toArray(Integer[]::new))
				.param("nets", counted.stream().map(x -> Networks.of(x.indicator.type(), x.indicator.value())).toArray(String[]::new))
				.param("first", counted.stream().map(x -> Timestamp.from(x.first)).toArray(Timestamp[]::new))
				.param("last", counted.stream().map(x -> Timestamp.from(x.last)).toArray(Timestamp[]::new))
				.query((rs, n) -> result.put(rs.getString(2) + "\u0000" + rs.getString(3),
						new Value(rs.getLong(1), rs.getInt(4), rs.getString(5))))
				.list();
		}
		if (!uncounted.isEmpty()) {
			jdbc.sql("""
					INSERT INTO indicator_value (type, value, benign, source_count, first_seen, last_seen, network)
					SELECT t, val, b, 0, f, l, CAST(n AS inet) FROM unnest(CAST(:types AS text[]), CAST(:values AS text[]),
					  CAST(:benign AS text[]), CAST(:first AS timestamptz[]), CAST(:last AS timestamptz[]), CAST(:nets AS text[]))
					  AS x(t, val, b, f, l, n)
					ON CONFLICT (type, value) DO NOTHING
					RETURNING id, type, value, source_count, benign""")
				.param("types", uncounted.stream().map(x -> x.indicator.type()).toArray(String[]::new))
				.param("values", uncounted.stream().map(x -> x.indicator.value()).toArray(String[]::new))
				.param("benign", uncounted.stream().map(x -> x.indicator.benign()).toArray(String[]::new))
				.param("nets", uncounted.stream().map(x -> Networks.of(x.indicator.type(), x.indicator.value())).toArray(String[]::new))
				.param("first", uncounted.stream().map(x -> Timestamp.from(x.first)).toArray(Timestamp[]::new))
				.param("last", uncounted.stream().map(x -> Timestamp.from(x.last)).toArray(Timestamp[]::new))
				.query((rs, n) -> result.put(rs.getString(2) + "\u0000" + rs.getString(3),
						new Value(rs.getLong(1), rs.getInt(4), rs.getString(5))))
				.list();
			// known values (or inserted by another transaction at the same moment, committed by now): one
			// statement per type, so that PostgreSQL probes the unique index with the list of values
			Map<String, List<String>> byType = new TreeMap<>();
			uncounted.stream().filter(x -> !result.containsKey(x.indicator.type() + "\u0000" + x.indicator.value()))
				.forEach(x -> byType.computeIfAbsent(x.indicator.type(), t -> new ArrayList<>()).add(x.indicator.value()));
			byType.forEach((type, list) -> jdbc.sql("""
					SELECT v.id, v.type, v.value, v.source_count, v.benign FROM indicator_value v
					WHERE v.type = :type AND v.value = ANY (CAST(:values AS text[]))""")
				.param("type", type)
				.param("values", list.toArray(String[]::new))
				.query((rs, n) -> result.put(rs.getString(2) + "\u0000" + rs.getString(3),
						new Value(rs.getLong(1), rs.getInt(4), rs.getString(5))))
				.list());
		}
		return result;
	}

	private Map<String, Rec> upsertRecords(List<RecordSightings> batch, Instant now) {
		Map<String, RecordSightings> unique = new LinkedHashMap<>();
		batch.forEach(s -> unique.putIfAbsent(key(s), s));
		Map<String, Rec> records = new HashMap<>();
		readRecords(unique.values(), records);
		List<RecordSightings> missing = unique.entrySet().stream().filter(e -> !records.containsKey(e.getKey()))
			.map(Map.Entry::getValue).toList();
		if (missing.isEmpty()) {
			return records;
		}
		List<Long> clusters = jdbc.sql("""
				INSERT INTO correlation_cluster (size, created_at, updated_at)
				SELECT 1, :now, :now FROM generate_series(1, :n) RETURNING id""")
			.param("now", Timestamp.from(now))
			.param("n", missing.size())
			.query(Long.class)
			.list();
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("""
				INSERT INTO correlation_record (source_kind, source_id, owner_org, country, tlp, cluster_id, seen_at)
				SELECT k, i, o, c, t, cl, s FROM unnest(CAST(:kinds AS text[]), CAST(:ids AS uuid[]), CAST(:owners AS uuid[]),
				  CAST(:countries AS text[]), CAST(:tlps AS text[]), CAST(:clusters AS bigint[]), CAST(:seen AS timestamptz[]))
				  AS x(k, i, o, c, t, cl, s)
				ON CONFLICT (source_kind, source_id) DO NOTHING
				RETURNING id, source_kind, source_id""")
			.param("kinds", missing.stream().map(s -> s.source().kind()).toArray(String[]::new))
			.param("ids", missing.stream().map(s -> s.source().id()).toArray(UUID[]::new))
			.param("owners", missing.stream().map(s -> s.owner().value()).toArray(UUID[]::new))
			.param("countries", missing.stream().map(s -> s.country().value()).toArray(String[]::new))
			.param("tlps", missing.stream().map(s -> s.tlp().name()).toArray(String[]::new))
			.param("clusters", clusters.toArray(Long[]::new))
			.param("seen", missing.stream().map(s -> Timestamp.from(s.seenAt())).toArray(Timestamp[]::new))
			.query((rs, n) -> ids.put(rs.getString(2) + "\u0000" + rs.getObject(3, UUID.class), rs.getLong(1)))
			.list();
		for (int i = 0; i < missing.size(); i++) {
			RecordSightings s = missing.get(i);
			if (ids.containsKey(key(s))) {
				records.put(key(s), new Rec(ids.get(key(s)), clusters.get(i), s.country().value(), s.owner().value(), s.tlp(),
						true));
			}
		}
		if (records.size() < unique.size()) {
			// recorded by another transaction at the same moment (its cluster row here stays empty)
			readRecords(missing.stream().filter(m -> !records.containsKey(key(m))).toList(), records);
		}
		return records;
	}

	/**
	 * Reads the records already known, one statement per source kind, so that PostgreSQL probes the unique
	 * index with the list of ids (a join with an unnested array was planned as a scan of the whole table).
	 */
	private void readRecords(java.util.Collection<RecordSightings> sources, Map<String, Rec> into) {
		Map<String, List<UUID>> idsByKind = new TreeMap<>();
		sources.forEach(s -> idsByKind.computeIfAbsent(s.source().kind(), k -> new ArrayList<>()).add(s.source().id()));
		idsByKind.forEach((kind, ids) -> jdbc.sql("""
				SELECT r.id, r.source_kind, r.source_id, r.cluster_id, r.country, r.owner_org, r.tlp FROM correlation_record r
				WHERE r.source_kind = :kind AND r.source_id = ANY (CAST(:ids AS uuid[]))""")
			.param("kind", kind)
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> into.putIfAbsent(rs.getString(2) + "\u0000" + rs.getObject(3, UUID.class),
					new Rec(rs.getLong(1), rs.getLong(4), rs.getString(5), rs.getObject(6, UUID.class),
							Tlp.valueOf(rs.getString(7)), false)))
			.list());
	}

	/** The batch's records known before may have changed cluster while this transaction waited for the lock. */
	private void refreshClusters(Map<Long, Rec> recordsById) {
		// records this transaction created are invisible to others until it commits: only the others can move
		Long[] known = recordsById.values().stream().filter(r -> !r.created()).map(Rec::id).toArray(Long[]::new);
		if (known.length == 0) {
			return;
		}
		jdbc.sql("SELECT id, cluster_id FROM correlation_record WHERE id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", known)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()
			.forEach(row -> recordsById.computeIfPresent(row[0],
					(id, r) -> r.inCluster(row[1])));
	}

	/** Merges each group of joined clusters into its largest member, with three set-based statements. */
	private void mergeClusters(ClusterUnion union, Instant now) {
		List<Set<Long>> groups = union.groups();
		if (groups.isEmpty()) {
			return;
		}
		Set<Long> all = new HashSet<>();
		groups.forEach(all::addAll);
		Map<Long, Integer> sizes = new HashMap<>();
		jdbc.sql("SELECT id, size FROM correlation_cluster WHERE id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", all.toArray(Long[]::new))
			.query((rs, n) -> sizes.put(rs.getLong(1), rs.getInt(2)))
			.list();
		List<Long> others = new ArrayList<>();
		List<Long> rootOfOther = new ArrayList<>();
		List<Long> roots = new ArrayList<>();
		List<Integer> totals = new ArrayList<>();
		for (Set<Long> group : groups) {
			long root = group.stream()
				.max(Comparator.comparing((Long id) -> sizes.getOrDefault(id, 0)).thenComparing(id -> -id))
				.orElseThrow();
			for (long id : group) {
				if (id != root) {
					others.add(id);
					rootOfOther.add(root);
				}
			}
			roots.add(root);
			totals.add(group.stream().mapToInt(id -> sizes.getOrDefault(id, 0)).sum());
		}
		jdbc.sql("""
				UPDATE correlation_record r SET cluster_id = m.root
				FROM unnest(CAST(:others AS bigint[]), CAST(:roots AS bigint[])) AS m(other, root)
				WHERE r.cluster_id = m.other""")
			.param("others", others.toArray(Long[]::new))
			.param("roots", rootOfOther.toArray(Long[]::new))
			.update();
		jdbc.sql("""
				UPDATE correlation_cluster c SET size = m.total, updated_at = :now
				FROM unnest(CAST(:roots AS bigint[]), CAST(:totals AS int[])) AS m(root, total) WHERE c.id = m.root""")
			.param("roots", roots.toArray(Long[]::new))
			.param("totals", totals.toArray(Integer[]::new))
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql("DELETE FROM correlation_cluster WHERE id = ANY (CAST(:others AS bigint[]))")
			.param("others", others.toArray(Long[]::new))
			.update();
	}

	private int createHits(Set<NewHit> hits, Instant now, HitAnnouncement announcement) {
		if (hits.isEmpty()) {
			return 0;
		}
		List<NewHit> list = new ArrayList<>(hits);
		list.sort(Comparator.comparing(NewHit::organisation).thenComparingLong(NewHit::record)
			.thenComparingLong(NewHit::indicator));
		List<Object[]> created = jdbc.sql("""
				INSERT INTO hit (id, organisation_id, record_id, indicator_id, created_at)
				SELECT id, o, r, i, :now FROM unnest(CAST(:ids AS uuid[]), CAST(:orgs AS uuid[]), CAST(:records AS bigint[]),
				  CAST(:indicators AS bigint[])) AS h(id, o, r, i)
				ON CONFLICT DO NOTHING
				RETURNING id, organisation_id""")
			.param("now", Timestamp.from(now))
			.param("ids", list.stream().map(h -> TimeOrderedIds.next(now.toEpochMilli())).toArray(UUID[]::new))
			.param("orgs", list.stream().map(NewHit::organisation).toArray(UUID[]::new))
			.param("records", list.stream().map(NewHit::record).toArray(Long[]::new))
			.param("indicators", list.stream().map(NewHit::indicator).toArray(Long[]::new))
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.list();
		// one event and one audit entry per organisation and batch (the hit rows themselves say which and when)
		Map<UUID, List<UUID>> perOrganisation = new TreeMap<>();
		for (Object[] hit : created) {
			perOrganisation.computeIfAbsent((UUID) hit[1], o -> new ArrayList<>()).add((UUID) hit[0]);
		}
		List<AuditEvent> audited = new ArrayList<>(perOrganisation.size());
		String heldUnder = announcement.heldUnder();
		if (heldUnder != null && !created.isEmpty()) {
			jdbc.sql("""
					INSERT INTO hit_announcement_held (held_under, organisation_id, hit_id)
					SELECT :key, o, h FROM unnest(CAST(:orgs AS uuid[]), CAST(:hits AS uuid[])) AS x(o, h)
					ON CONFLICT DO NOTHING""")
				.param("key", heldUnder)
				.param("orgs", created.stream().map(h -> h[1]).toArray(UUID[]::new))
				.param("hits", created.stream().map(h -> h[0]).toArray(UUID[]::new))
				.update();
		}
		perOrganisation.forEach((org, ids) -> {
			if (heldUnder == null) {
				events.publishEvent(new CrossBorderHitsFound(new OrganisationId(org), ids));
			}
			audited.add(AuditEvent.of("hits.created", "organisation", org).withDetail("count=" + ids.size()));
		});
		audit.recordAll(AuditActor.SYSTEM, audited);
		return created.size();
	}
}
