package eu.eccp.correlation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Visibility;

/**
 * The reads behind the indicator pivot (search, bulk lookup, related values): indicator values by type and
 * value, the records carrying them that a caller may see, and counts per country of those the caller may only
 * know exist. Every query on records takes the caller and filters with {@link RecordVisibility}; all are
 * set-based (one statement for any number of values).
 */
@Repository
class PivotRepository {

	/** A known indicator value as stored. */
	record Known(long id, String type, String value, @Nullable String benign, int sourceCount, Instant firstSeen,
			Instant lastSeen) {
	}

	/** A type and canonical value ({@code type} null: any type, the value as typed). */
	record Key(@Nullable String type, String value) {
	}

	/** A correlated record as stored, without its owner's name. */
	record RecordRow(String sourceKind, UUID sourceId, UUID ownerOrg, String country, String tlp, long clusterId,
			Instant seenAt) {
	}

	/**
	 * One way a looked-up value {@code query} reaches records by relation: through the sightings of indicator
	 * {@code indicatorId}, at least as weak as {@code relation} (a relation's code), taking its exact sightings
	 * only ({@link #EXACT_ONLY}), its derived ones only ({@link #DERIVED_ONLY}) or both ({@link #ALL}).
	 * {@code selfId} is the looked-up value's own indicator (or 0): records carrying it exactly are its exact
	 * sightings, never related ones (a record carries one value one way only, so the value's own derived
	 * sightings need no such check).
	 */
	record RelatedTarget(int query, long indicatorId, int relation, int sightings, long selfId) {
	}

	static final int ALL = 0;
	static final int EXACT_ONLY = 1;
	static final int DERIVED_ONLY = 2;

	/** A visible record reached by relation from looked-up value {@code query}, with the strongest relation's code. */
	record RelatedCarrier(int query, int relation, RecordRow record) {
	}

	private final JdbcClient jdbc;

	PivotRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The pivot's statements probe indexes with a few values each: index probes only for the rest of the caller's
	 * transaction (see {@link IndexProbes}; planned freely, the related counts hashed every correlated record).
	 */
	void probeIndexesOnly() {
		IndexProbes.only(jdbc);
	}

	/** The stored values among {@code keys}; untyped keys match a value of any type. */
	Map<Key, Known> find(Collection<Key> keys) {
		Map<Key, Known> found = new LinkedHashMap<>();
		List<Key> typed = keys.stream().filter(k -> k.type() != null).distinct().toList();
		List<String> untyped = keys.stream().filter(k -> k.type() == null).map(Key::value).distinct().toList();
		if (!typed.isEmpty()) {
			jdbc.sql("""
					SELECT v.* FROM indicator_value v JOIN unnest(CAST(:types AS text[]), CAST(:values AS text[])) AS x(t, val)
					  ON v.type = x.t AND v.value = x.val""")
				.param("types", typed.stream().map(Key::type).toArray(String[]::new))
				.param("values", typed.stream().map(Key::value).toArray(String[]::new))
				.query((rs, n) -> found.put(new Key(rs.getString("type"), rs.getString("value")), known(rs)))
				.list();
		}
		if (!untyped.isEmpty()) {
			jdbc.sql("SELECT v.* FROM indicator_value v WHERE v.value = ANY (CAST(:values AS text[]))")
				.param("values", untyped.toArray(String[]::new))
				.query((rs, n) -> found.put(new Key(null, rs.getString("value")), known(rs)))
				.list();
		}
		return found;
	}

	/** The reported ranges holding each address (valid addresses only; GiST index on the ranges), narrowest first. */
	Map<String, List<Known>> rangesHolding(List<String> addresses) {
		Map<String, List<Known>> result = new LinkedHashMap<>();
		if (addresses.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT x.a, v.* FROM unnest(CAST(:a AS text[])) AS x(a)
				JOIN indicator_value v ON v.type = 'CIDR' AND v.network >>= CAST(x.a AS inet)
				ORDER BY masklen(v.network) DESC""")
			.param("a", addresses.toArray(String[]::new))
			.query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(known(rs)))
			.list();
		return result;
	}

	/** Up to {@code limit} reported addresses inside a reported range (GiST index on the addresses). */
	List<Known> addressesIn(String range, int limit) {
		return jdbc.sql("""
				SELECT v.* FROM indicator_value rv
				JOIN indicator_value v ON v.type IN ('IPV4', 'IPV6') AND v.network <<= rv.network
				WHERE rv.type = 'CIDR' AND rv.value = :value LIMIT :limit""")
			.param("value", range)
			.param("limit", limit)
			.query((rs, n) -> known(rs))
			.list();
	}

	/**
	 * Up to {@code limit} of the caller's visible records carrying each value exactly: the most recently correlated
	 * ones (the sighting index read backwards, so a value carried by very many records costs no more than
	 * {@code limit} rows), each list in time order; {@link Shown#truncated()} says that more exist.
	 */
	Map<Long, Shown<RecordRow>> visibleCarriers(CallerContext caller, List<Long> indicatorIds, int limit) {
		Map<Long, List<RecordRow>> rows = new HashMap<>();
		if (indicatorIds.isEmpty()) {
			return Map.of();
		}
		Visibility.SqlCondition visible = RecordVisibility.visible(caller);
		jdbc.sql("SELECT x.id AS indicator, c.* FROM unnest(CAST(:ids AS bigint[])) AS x(id) CROSS JOIN LATERAL ("
				+ "SELECT r.* FROM sighting s JOIN correlation_record r ON r.id = s.record_id "
				+ "WHERE s.indicator_id = x.id AND s.derivation IS NULL AND " + visible.sql()
				+ " ORDER BY s.record_id DESC LIMIT :limit) c")
			.params(visible.parameters())
			.param("ids", indicatorIds.toArray(Long[]::new))
			.param("limit", limit + 1)
			.query((rs, n) -> rows.computeIfAbsent(rs.getLong("indicator"), k -> new ArrayList<>())
				.add(record(rs)))
			.list();
		Map<Long, Shown<RecordRow>> result = new HashMap<>();
		rows.forEach((id, list) -> result.put(id, Shown.latest(list, limit, Comparator.comparing(RecordRow::seenAt))));
		return result;
	}

	/**
	 * At most a limit of items, and whether there were more: {@code items} are the latest ones (read newest first,
	 * then put in time order).
	 */
	record Shown<T>(List<T> items, boolean truncated) {

		/** {@code newestFirst} cut to {@code limit} and sorted by {@code order}. */
		static <T> Shown<T> latest(List<T> newestFirst, int limit, Comparator<? super T> order) {
			List<T> kept = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
			kept.sort(order);
			return new Shown<>(List.copyOf(kept), newestFirst.size() > limit);
		}

		static <T> Shown<T> none() {
			return new Shown<>(List.of(), false);
		}
	}

	/** Counts per country of the caller's visible records carrying each value exactly. */
	Map<Long, Map<String, Integer>> visibleExactCounts(CallerContext caller, List<Long> indicatorIds) {
		Visibility.SqlCondition visible = RecordVisibility.visible(caller);
		return counts(indicatorIds, visible.sql() + " AND s.derivation IS NULL", visible.parameters());
	}

	/** Counts per country of the exact sightings of each value that the caller may know exist. */
	Map<Long, Map<String, Integer>> countableExactCounts(CallerContext caller, List<Long> indicatorIds) {
		Visibility.SqlCondition countable = RecordVisibility.countable(caller);
		return counts(indicatorIds, countable.sql() + " AND s.derivation IS NULL", countable.parameters());
	}

	/**
	 * Counts per country of the sightings of each value in records the caller may not see (never others'
	 * TLP:RED): exact ones, or ({@code derived}) those carrying it by relation.
	 */
	Map<Long, Map<String, Integer>> hiddenCounts(CallerContext caller, List<Long> indicatorIds, boolean derived) {
		Visibility.SqlCondition visible = RecordVisibility.visible(caller);
		return counts(indicatorIds, "NOT " + visible.sql() + " AND r.tlp <> 'RED' AND s.derivation IS "
				+ (derived ? "NOT NULL" : "NULL"), visible.parameters());
	}

	private Map<Long, Map<String, Integer>> counts(List<Long> indicatorIds, String where, Map<String, Object> params) {
		Map<Long, Map<String, Integer>> result = new HashMap<>();
		if (indicatorIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT s.indicator_id, r.country, count(*) FROM sighting s JOIN correlation_record r ON r.id = s.record_id "
				+ "WHERE s.indicator_id = ANY (CAST(:ids AS bigint[])) AND " + where + " GROUP BY 1, 2")
			.params(params)
			.param("ids", indicatorIds.toArray(Long[]::new))
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3)))
			.list();
		return result;
	}

	/**
	 * The records each way in ({@link RelatedTarget}, bound by {@link #bind}) reaches that meet {@code condition},
	 * as {@code c} (the record's columns and {@code derived}, the sighting's relation code or 0), each way read on its
	 * own through the sighting index ({@code order}: how far; empty for all). A lateral join, so that PostgreSQL
	 * probes the index per way: joined plainly, it planned a hash join over the whole record table for every search.
	 */
	private static String reached(String condition, String order) {
		return """
				FROM unnest(CAST(:q AS int[]), CAST(:ind AS bigint[]), CAST(:rel AS int[]), CAST(:mode AS int[]),
				  CAST(:self AS bigint[])) AS x(q, ind, rel, mode, self)
				CROSS JOIN LATERAL (
				  SELECT COALESCE(s.derivation, 0) AS derived, r.* FROM sighting s JOIN correlation_record r ON r.id = s.record_id
				  WHERE s.indicator_id = x.ind
				    AND (x.mode = 0 OR (x.mode = 1 AND s.derivation IS NULL) OR (x.mode = 2 AND s.derivation IS NOT NULL))
				    AND (x.ind = x.self OR NOT EXISTS (SELECT 1 FROM sighting e WHERE e.indicator_id = x.self
				                                       AND e.record_id = r.id AND e.derivation IS NULL))
				    AND""" + " " + condition + order + ") c";
	}

	/**
	 * Up to {@code limit} of the caller's visible records each looked-up value reaches by relation, each record once
	 * with the strongest (lowest) relation code: the most recently correlated ones, in time order. Each way in reads
	 * at most {@code limit + 1} sightings, newest first, through the sighting index, so a value that very many
	 * records carry by relation costs no more than a rare one; the latest records of all ways together are among
	 * those read, since each way's own latest are.
	 */
	Map<Integer, Shown<RelatedCarrier>> visibleRelated(CallerContext caller, List<RelatedTarget> targets, int limit) {
		if (targets.isEmpty()) {
			return Map.of();
		}
		Visibility.SqlCondition visible = RecordVisibility.visible(caller);
		// per looked-up value: record row id -> the strongest way it is reached
		Map<Integer, Map<Long, RelatedCarrier>> byQuery = new HashMap<>();
		bind(jdbc.sql("SELECT x.q, GREATEST(x.rel, c.derived) AS rel, c.* "
				+ reached(visible.sql(), " ORDER BY s.record_id DESC LIMIT :limit")), targets)
			.params(visible.parameters())
			.param("limit", limit + 1)
			.query((rs, n) -> byQuery.computeIfAbsent(rs.getInt("q"), k -> new HashMap<>())
				.merge(rs.getLong("id"), new RelatedCarrier(rs.getInt("q"), rs.getInt("rel"), record(rs)),
						(a, b) -> a.relation() <= b.relation() ? a : b))
			.list();
		Map<Integer, Shown<RelatedCarrier>> result = new HashMap<>();
		byQuery.forEach((q, carriers) -> {
			List<Map.Entry<Long, RelatedCarrier>> newestFirst = new ArrayList<>(carriers.entrySet());
			newestFirst.sort(Map.Entry.<Long, RelatedCarrier>comparingByKey().reversed());
			result.put(q, Shown.latest(newestFirst.stream().map(Map.Entry::getValue).toList(), limit,
					Comparator.comparing(c -> c.record().seenAt())));
		});
		return result;
	}

	/** Which records a count of related records takes in. */
	@eu.eccp.shared.Labelled(shown = false)
	enum CountScope {
		/** Every record the caller may know exists, visible or not (never others' TLP:RED). */
		COUNTABLE,
		/** Only the records the caller may not open (never others' TLP:RED). */
		HIDDEN,
		/** Only the records the caller may open. */
		VISIBLE
	}

	/** Per looked-up value, the records it reaches by relation in {@code scope}, each counted once, per country. */
	Map<Integer, Map<String, Integer>> relatedCounts(CallerContext caller, List<RelatedTarget> targets, CountScope scope) {
		Map<Integer, Map<String, Integer>> result = new HashMap<>();
		if (targets.isEmpty()) {
			return result;
		}
		Visibility.SqlCondition visible = RecordVisibility.visible(caller);
		Visibility.SqlCondition condition = switch (scope) {
			case COUNTABLE -> RecordVisibility.countable(caller);
			case HIDDEN -> new Visibility.SqlCondition("NOT " + visible.sql() + " AND r.tlp <> 'RED'", visible.parameters());
			case VISIBLE -> visible;
		};
		bind(jdbc.sql("SELECT x.q, c.country, count(DISTINCT c.id) " + reached(condition.sql(), "") + " GROUP BY 1, 2"),
				targets)
			.params(condition.parameters())
			.query((rs, n) -> result.computeIfAbsent(rs.getInt(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3)))
			.list();
		return result;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, List<RelatedTarget> targets) {
		return statement.param("q", targets.stream().map(RelatedTarget::query).toArray(Integer[]::new))
			.param("ind", targets.stream().map(RelatedTarget::indicatorId).toArray(Long[]::new))
			.param("rel", targets.stream().map(RelatedTarget::relation).toArray(Integer[]::new))
			.param("mode", targets.stream().map(RelatedTarget::sightings).toArray(Integer[]::new))
			.param("self", targets.stream().map(RelatedTarget::selfId).toArray(Long[]::new));
	}

	static Known known(ResultSet rs) throws SQLException {
		return new Known(rs.getLong("id"), rs.getString("type"), rs.getString("value"), rs.getString("benign"),
				rs.getInt("source_count"), rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
				rs.getObject("last_seen", OffsetDateTime.class).toInstant());
	}

	private static RecordRow record(ResultSet rs) throws SQLException {
		return new RecordRow(rs.getString("source_kind"), rs.getObject("source_id", UUID.class),
				rs.getObject("owner_org", UUID.class), rs.getString("country"), rs.getString("tlp"),
				rs.getLong("cluster_id"), rs.getObject("seen_at", OffsetDateTime.class).toInstant());
	}
}
