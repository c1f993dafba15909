package eu.eccp.correlation.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.correlation.SharedIndicators;
import eu.eccp.correlation.SharedIndicators.Summary;
import eu.eccp.correlation.SharedIndicators.Value;
import eu.eccp.shared.Tlp;

/**
 * The sighting index as sharing reads it: a page walks the sighting table's primary key in indicator order,
 * keeps sightings of records the given owners hold with an allowed marking (never TLP:RED), and aggregates per
 * indicator, so a page costs what it reads and no more.
 */
@Repository
class SharedIndicatorRepository {

	private final JdbcClient jdbc;

	SharedIndicatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} indicators after {@code afterId} of the given types, in records of the owners and markings. */
	List<Summary> page(Collection<UUID> owners, List<String> markings, Collection<String> types, long afterId, int limit) {
		return jdbc.sql(SUMMARY + """
				WHERE s.indicator_id > :after AND NOT s.red
				  AND r.owner_org = ANY (CAST(:owners AS uuid[])) AND r.tlp = ANY (CAST(:markings AS text[]))
				  AND v.type = ANY (CAST(:types AS text[])) AND v.benign IS NULL
				GROUP BY s.indicator_id, v.type, v.value
				ORDER BY s.indicator_id
				LIMIT :limit""")
			.param("after", afterId)
			.param("owners", owners.toArray(UUID[]::new))
			.param("markings", markings.toArray(String[]::new))
			.param("types", types.toArray(String[]::new))
			.param("limit", limit)
			.query(SharedIndicatorRepository::summary)
			.list();
	}

	/** The summaries of the given indicators, as {@link #page} gives them. */
	List<Summary> summaries(Collection<UUID> owners, List<String> markings, Collection<String> types,
			Collection<Long> indicatorIds) {
		return jdbc.sql(SUMMARY + """
				WHERE s.indicator_id = ANY (CAST(:ids AS bigint[])) AND NOT s.red
				  AND r.owner_org = ANY (CAST(:owners AS uuid[])) AND r.tlp = ANY (CAST(:markings AS text[]))
				  AND v.type = ANY (CAST(:types AS text[])) AND v.benign IS NULL
				GROUP BY s.indicator_id, v.type, v.value
				ORDER BY s.indicator_id""")
			.param("ids", indicatorIds.toArray(Long[]::new))
			.param("owners", owners.toArray(UUID[]::new))
			.param("markings", markings.toArray(String[]::new))
			.param("types", types.toArray(String[]::new))
			.query(SharedIndicatorRepository::summary)
			.list();
	}

	/** The oldest transaction still running: every ingest before it has ended (committed or not). */
	long horizon() {
		return jdbc.sql("SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint)").query(Long.class).single();
	}

	/**
	 * The indicators changed by ingests at or after {@code since}, and the horizon taken in the same statement (so in
	 * the same snapshot): every change stamped below it is among those read, or was never committed.
	 */
	SharedIndicators.Changes changedSince(long since) {
		return jdbc.sql("""
				SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint),
				  ARRAY(SELECT DISTINCT i FROM indicator_change c, unnest(c.indicator_ids) AS i
				        WHERE c.changed_in >= CAST(CAST(:since AS text) AS xid8) ORDER BY i)""")
			.param("since", since)
			.query((rs, n) -> new SharedIndicators.Changes(Arrays.asList((Long[]) rs.getArray(2).getArray()),
					new SharedIndicators.ChangeHorizon(rs.getLong(1))))
			.single();
	}

	/** Forgets the changes noted before {@code before}. */
	int forgetChangesBefore(Instant before) {
		return jdbc.sql("DELETE FROM indicator_change WHERE changed_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static final String SUMMARY = """
			SELECT s.indicator_id, v.type, v.value, min(s.seen_at) AS first_seen, max(s.seen_at) AS last_seen, count(*) AS records,
			  array_agg(DISTINCT s.country ORDER BY s.country) AS countries,
			  min(CASE r.tlp WHEN 'AMBER' THEN 0 WHEN 'GREEN' THEN 1 ELSE 2 END) AS strictest
			FROM sighting s
			JOIN correlation_record r ON r.id = s.record_id
			JOIN indicator_value v ON v.id = s.indicator_id
			""";

	private static Summary summary(ResultSet rs, int n) throws SQLException {
		Array countries = rs.getArray("countries");
		List<String> list = Arrays.stream((Object[]) countries.getArray()).map(c -> c.toString().strip()).toList();
		Tlp marking = switch (rs.getInt("strictest")) {
			case 0 -> Tlp.AMBER;
			case 1 -> Tlp.GREEN;
			default -> Tlp.CLEAR;
		};
		return new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp("first_seen").toInstant(),
				rs.getTimestamp("last_seen").toInstant(), rs.getInt("records"), list, marking);
	}

	/** The type and value of each indicator id (unknown ids are left out). */
	Map<Long, Value> values(Collection<Long> indicatorIds) {
		Map<Long, Value> result = new HashMap<>();
		if (indicatorIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT id, type, value FROM indicator_value WHERE id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", indicatorIds.toArray(Long[]::new))
			.query((rs, n) -> result.put(rs.getLong(1), new Value(rs.getString(2), rs.getString(3))))
			.list();
		return result;
	}
}
