package eu.eccp.correlation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.correlation.RecordSightings;
import eu.eccp.shared.Tlp;

/**
 * The statements of a correlation ingest, each set-based over one batch (arrays unnested, never a statement per
 * row), in the order {@link BatchCorrelation} runs them. Every statement probes indexes with the batch's keys;
 * the comments say how each was made to.
 */
@Repository
class CorrelationStatements {

	private static final long LOCK = 0x45434350_436f7272L;

	private final JdbcClient jdbc;

	CorrelationStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String key(RecordSightings sightings) {
		return sightings.source().kind() + "\u0000" + sightings.source().id();
	}

	/** Every statement of the ingest probes indexes with one batch's keys: index probes only (see {@link IndexProbes}). */
	void probeIndexesOnly() {
		IndexProbes.only(jdbc);
	}

	/** Linking, hits and cluster merges run one transaction at a time: this lock is held until commit. */
	void lockLinking() {
		jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleRow();
	}

	/** Inserts sightings (those already known are ignored) and returns the new ones as (indicator, record). */
	List<long[]> insertSightings(List<Long> indicators, List<Long> records, List<String> countries, List<Boolean> red,
			List<Timestamp> seenAt, List<Short> derivations) {
		return new ArrayList<>(jdbc.sql("""
				INSERT INTO sighting (indicator_id, record_id, country, red, seen_at, derivation)
				SELECT * FROM unnest(CAST(:i AS bigint[]), CAST(:r AS bigint[]), CAST(:c AS text[]), CAST(:red AS boolean[]),
				  CAST(:t AS timestamptz[]), CAST(:d AS smallint[]))
				ON CONFLICT DO NOTHING
				RETURNING indicator_id, record_id""")
			.param("i", indicators.toArray(Long[]::new))
			.param("r", records.toArray(Long[]::new))
			.param("c", countries.toArray(String[]::new))
			.param("red", red.toArray(Boolean[]::new))
			.param("t", seenAt.toArray(Timestamp[]::new))
			.param("d", derivations.toArray(Short[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list());
	}

	/**
	 * Notes the values this ingest gave new sightings, stamped with its transaction ({@code indicator_change}: what
	 * readers of the sighting index bring themselves up to date from).
	 */
	void noteChanged(Collection<Long> indicatorIds) {
		if (!indicatorIds.isEmpty()) {
			jdbc.sql("INSERT INTO indicator_change (indicator_ids) VALUES (CAST(:ids AS bigint[]))")
				.param("ids", indicatorIds.toArray(Long[]::new))
				.update();
		}
	}

	/**
	 * Of the values this batch brings new carriers to, those already too common to link: carried by more than
	 * {@code maxSourcesToLink} records, or on a warning list. Read without a lock; their counts are added by
	 * {@link #addLateCounts} as the ingest's last statement, so two ingests sighting the same common value (a feed's
	 * many URLs on one registrable domain) do not wait for each other's commit.
	 */
	Map<String, IngestValue> tooCommonToLink(Collection<BatchValue> values, int maxSourcesToLink) {
		Map<String, IngestValue> result = new HashMap<>();
		readStored(values.stream().filter(x -> x.newCarriers > 0).toList(),
				" AND (v.source_count > :max OR v.benign IS NOT NULL)", Map.of("max", maxSourcesToLink), result);
		return result;
	}

	/**
	 * Reads the stored rows of {@code values} that meet {@code condition} into {@code into}: one statement per type,
	 * so that PostgreSQL probes the unique index with the list of values.
	 */
	private void readStored(Collection<BatchValue> values, String condition, Map<String, Object> params,
			Map<String, IngestValue> into) {
		Map<String, List<String>> byType = new TreeMap<>();
		values.forEach(x -> byType.computeIfAbsent(x.indicator.type(), t -> new ArrayList<>()).add(x.indicator.value()));
		byType.forEach((type, list) -> jdbc.sql("""
				SELECT v.id, v.type, v.value, v.source_count, v.benign FROM indicator_value v
				WHERE v.type = :type AND v.value = ANY (CAST(:values AS text[]))""" + condition)
			.params(params)
			.param("type", type)
			.param("values", list.toArray(String[]::new))
			.query((rs, n) -> putValue(rs, into))
			.list());
	}

	/** Puts a value row (id, type, value, source_count, benign) into {@code into} under its key. */
	private static IngestValue putValue(ResultSet rs, Map<String, IngestValue> into) throws SQLException {
		IngestValue value = new IngestValue(rs.getLong(1), rs.getInt(4), rs.getString(5));
		into.put(rs.getString(2) + "\u0000" + rs.getString(3), value);
		return value;
	}

	/**
	 * Adds counts of carrying records to values too common to link, in id order (so two ingests lock these rows in
	 * the same order), moving each one's last seen.
	 */
	void addLateCounts(LateCounts late) {
		if (late.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE indicator_value v SET source_count = v.source_count + x.c, last_seen = GREATEST(v.last_seen, x.l)
				FROM unnest(CAST(:ids AS bigint[]), CAST(:counts AS int[]), CAST(:lasts AS timestamptz[])) AS x(id, c, l)
				WHERE v.id = x.id""")
			.param("ids", late.ids())
			.param("counts", late.counts())
			.param("lasts", late.lasts())
			.update();
	}

	/**
	 * Adds new sightings to their values' counts of carrying records ({@code latest}: moves last seen too) and
	 * puts the values as they are now into {@code into}.
	 */
	void addToCounts(Map<Long, Integer> added, @org.jspecify.annotations.Nullable Timestamp latest,
			Map<Long, IngestValue> into) {
		jdbc.sql(latest == null ? """
				UPDATE indicator_value v SET source_count = v.source_count + x.c
				FROM unnest(CAST(:ids AS bigint[]), CAST(:counts AS int[])) AS x(id, c)
				WHERE v.id = x.id
				RETURNING v.id, v.source_count, v.benign""" : """
				UPDATE indicator_value v SET source_count = v.source_count + x.c, last_seen = GREATEST(v.last_seen, :latest)
				FROM unnest(CAST(:ids AS bigint[]), CAST(:counts AS int[])) AS x(id, c)
				WHERE v.id = x.id
				RETURNING v.id, v.source_count, v.benign""")
			.params(latest == null ? Map.of() : Map.of("latest", latest))
			.param("ids", added.keySet().toArray(Long[]::new))
			.param("counts", added.values().toArray(Integer[]::new))
			.query((rs, n) -> into.put(rs.getLong(1), new IngestValue(rs.getLong(1), rs.getInt(2), rs.getString(3))))
			.list();
	}

	/** The reported ranges (not benign) holding each address, as (address, range), through the GiST index. */
	List<long[]> rangesHolding(Collection<Long> addresses) {
		return jdbc.sql("""
				SELECT a.id, r.id FROM indicator_value a
				JOIN indicator_value r ON r.type = 'CIDR' AND r.network >>= a.network AND r.benign IS NULL
				WHERE a.id = ANY (CAST(:ids AS bigint[])) AND a.network IS NOT NULL""")
			.param("ids", addresses.toArray(Long[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/** A sighting of an address inside a range: the range, and the record's row, country, marking and time. */
	record InsideRange(long range, long record, String country, boolean red, Timestamp seenAt) {
	}

	/** Sightings of addresses (not benign) inside each range, at most {@code limit} per range. */
	List<InsideRange> sightingsInside(Collection<Long> ranges, int limit) {
		return jdbc.sql("""
				SELECT q.id, x.record_id, x.country, x.red, x.seen_at FROM unnest(CAST(:ids AS bigint[])) AS q(id)
				CROSS JOIN LATERAL (
				  SELECT s.record_id, s.country, s.red, s.seen_at FROM indicator_value rv
				  JOIN indicator_value a ON a.type IN ('IPV4', 'IPV6') AND a.network <<= rv.network AND a.benign IS NULL
				  JOIN sighting s ON s.indicator_id = a.id
				  WHERE rv.id = q.id
				  LIMIT :limit) x""")
			.param("ids", ranges.toArray(Long[]::new))
			.param("limit", limit)
			.query((rs, n) -> new InsideRange(rs.getLong(1), rs.getLong(2), rs.getString(3).strip(), rs.getBoolean(4),
					rs.getTimestamp(5)))
			.list();
	}

	/** Reads records by row id into {@code into}. */
	void readRecordsById(Long[] ids, Map<Long, IngestRecord> into) {
		jdbc.sql("SELECT id, cluster_id, country, owner_org, tlp FROM correlation_record WHERE id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", ids)
			.query((rs, n) -> into.put(rs.getLong(1), new IngestRecord(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, UUID.class), Tlp.valueOf(rs.getString(5)), false)))
			.list();
	}

	/** Reads the batch's records already known and inserts the others, each as its own new cluster. */
	Map<String, IngestRecord> upsertRecords(List<RecordSightings> batch, Instant now) {
		Map<String, RecordSightings> unique = new LinkedHashMap<>();
		batch.forEach(s -> unique.putIfAbsent(key(s), s));
		Map<String, IngestRecord> records = new HashMap<>();
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
				records.put(key(s), new IngestRecord(ids.get(key(s)), clusters.get(i), s.country().value(), s.owner().value(), s.tlp(),
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
	void readRecords(Collection<RecordSightings> sources, Map<String, IngestRecord> into) {
		Map<String, List<UUID>> idsByKind = new TreeMap<>();
		sources.forEach(s -> idsByKind.computeIfAbsent(s.source().kind(), k -> new ArrayList<>()).add(s.source().id()));
		idsByKind.forEach((kind, ids) -> jdbc.sql("""
				SELECT r.id, r.source_kind, r.source_id, r.cluster_id, r.country, r.owner_org, r.tlp FROM correlation_record r
				WHERE r.source_kind = :kind AND r.source_id = ANY (CAST(:ids AS uuid[]))""")
			.param("kind", kind)
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> into.putIfAbsent(rs.getString(2) + "\u0000" + rs.getObject(3, UUID.class),
					new IngestRecord(rs.getLong(1), rs.getLong(4), rs.getString(5), rs.getObject(6, UUID.class),
							Tlp.valueOf(rs.getString(7)), false)))
			.list());
	}

	/**
	 * Inserts the values not known yet and, in the same statement, counts the new records that carry known
	 * ones, locking those rows until commit (sorted, so rows are always locked in the same order). Values
	 * carried only by records known before are inserted if new, else read, not locked: whether those
	 * sightings are new is known only once they are inserted, and they are counted then.
	 */
	Map<String, IngestValue> upsertValues(TreeMap<String, BatchValue> values, Map<String, IngestValue> tooCommon) {
		Map<String, IngestValue> result = new HashMap<>(tooCommon);
		List<BatchValue> counted = values.values().stream()
			.filter(x -> x.newCarriers > 0 && !tooCommon.containsKey(x.indicator.type() + "\u0000" + x.indicator.value()))
			.toList();
		List<BatchValue> uncounted = values.values().stream().filter(x -> x.newCarriers == 0).toList();
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
				.query((rs, n) -> putValue(rs, result))
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
				.query((rs, n) -> putValue(rs, result))
				.list();
			// known values (or inserted by another transaction at the same moment, committed by now)
			readStored(uncounted.stream().filter(x -> !result.containsKey(x.indicator.type() + "\u0000" + x.indicator.value()))
				.toList(), "", Map.of(), result);
		}
		return result;
	}

	/** The batch's records known before may have changed cluster while this transaction waited for the lock. */
	void refreshClusters(Map<Long, IngestRecord> recordsById) {
		// records this transaction created are invisible to others until it commits: only the others can move
		Long[] known = recordsById.values().stream().filter(r -> !r.created()).map(IngestRecord::id).toArray(Long[]::new);
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

	/**
	 * Reads what is known of the carriers of each indicator, excluding the sightings just inserted: counts per
	 * country from the sighting table alone, the cluster of one carrier, and the carriers themselves only
	 * for the indicators whose non-RED carriers do not yet span two countries (a fan-out may be due).
	 */
	Map<Long, Carriers> existingCarriers(Set<Long> indicators, List<long[]> fresh) {
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
			Map<Long, IngestRecord> carriers = new HashMap<>();
			if (!pairs.isEmpty()) {
				jdbc.sql("""
						SELECT r.id, r.cluster_id, r.country, r.owner_org, r.tlp FROM correlation_record r
						WHERE r.id = ANY (CAST(:ids AS bigint[]))""")
					.param("ids", pairs.stream().map(p -> p[1]).distinct().toArray(Long[]::new))
					.query((rs, n) -> carriers.put(rs.getLong(1), new IngestRecord(rs.getLong(1), rs.getLong(2), rs.getString(3),
							rs.getObject(4, UUID.class), Tlp.valueOf(rs.getString(5)), false)))
					.list();
			}
			for (long[] pair : pairs) {
				IngestRecord carrier = carriers.get(pair[1]);
				if (carrier != null) {
					result.get(pair[0]).records.add(carrier);
				}
			}
		}
		return result;
	}

	/** Merges each group of joined clusters into its largest member, with three set-based statements. */
	void mergeClusters(ClusterUnion union, Instant now) {
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

	/** Inserts the hits (in a fixed order, so two ingests lock rows alike) and returns the new ones as (id, organisation). */
	List<Object[]> insertHits(List<NewHit> list, Instant now) {
		return jdbc.sql("""
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
	}

	/** Holds the announcement of new hits (id, organisation) under a key until {@link #takeHeld(String)}. */
	void hold(String key, List<Object[]> hits) {
		jdbc.sql("""
				INSERT INTO hit_announcement_held (held_under, organisation_id, hit_id)
				SELECT :key, o, h FROM unnest(CAST(:orgs AS uuid[]), CAST(:hits AS uuid[])) AS x(o, h)
				ON CONFLICT DO NOTHING""")
			.param("key", key)
			.param("orgs", hits.stream().map(h -> h[1]).toArray(UUID[]::new))
			.param("hits", hits.stream().map(h -> h[0]).toArray(UUID[]::new))
			.update();
	}

	/** Removes and returns the hits held under a key, per organisation. */
	Map<UUID, List<UUID>> takeHeld(String key) {
		Map<UUID, List<UUID>> perOrganisation = new TreeMap<>();
		jdbc.sql("DELETE FROM hit_announcement_held WHERE held_under = :key RETURNING organisation_id, hit_id")
			.param("key", key)
			.query((rs, n) -> perOrganisation.computeIfAbsent(rs.getObject(1, UUID.class), o -> new ArrayList<>())
				.add(rs.getObject(2, UUID.class)))
			.list();
		return perOrganisation;
	}
}
