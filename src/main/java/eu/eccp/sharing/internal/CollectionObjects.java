package eu.eccp.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.correlation.SharedIndicators;
import eu.eccp.shared.Tlp;

/** The rows of {@code sharing_collection_object} and the collection's stamp in {@code sharing_collection_state}. */
@Repository
class CollectionObjects {

	private static final String COLUMNS = "indicator_id, type, stix_uuid, sighting_uuid, seq, date_added, created, modified,"
			+ " first_seen, last_seen, records, countries, tlp, revoked";

	private final JdbcClient jdbc;

	CollectionObjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rows with indicator ids in {@code (after, upTo]}, in id order (what a refresh compares against). */
	List<CollectionRow> range(UUID agreement, long after, long upTo) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM sharing_collection_object
				WHERE agreement_id = :a AND indicator_id > :after AND indicator_id <= :upTo ORDER BY indicator_id""")
			.param("a", agreement)
			.param("after", after)
			.param("upTo", upTo)
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * A stamp later than every one this collection gave before (and not before now), taken under the state row's
	 * lock: what it stamps sorts after everything a client has already seen.
	 */
	Instant nextStamp(UUID agreement, Instant now, int count) {
		Instant candidate = now.truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("""
				INSERT INTO sharing_collection_state (agreement_id, last_stamp) VALUES (:a, :now)
				ON CONFLICT (agreement_id) DO NOTHING""")
			.param("a", agreement)
			.param("now", Timestamp.from(candidate.minus(1, ChronoUnit.MICROS)))
			.update();
		Instant last = jdbc.sql("SELECT last_stamp FROM sharing_collection_state WHERE agreement_id = :a FOR UPDATE")
			.param("a", agreement)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
		Instant stamp = candidate.isAfter(last) ? candidate : last.plus(1, ChronoUnit.MICROS);
		jdbc.sql("UPDATE sharing_collection_state SET last_stamp = :s WHERE agreement_id = :a")
			.param("a", agreement)
			.param("s", Timestamp.from(stamp.plus(Math.max(0, count - 1), ChronoUnit.MICROS)))
			.update();
		return stamp;
	}

	/**
	 * New and changed indicators get a new version, the i-th stamped {@code stamp} + i microseconds, so no two rows of
	 * a collection share a date added and a client's {@code added_after} cursor resumes exactly (their first creation
	 * time is kept).
	 */
	void upsert(UUID agreement, List<SharedIndicators.Summary> changed, List<UUID> stixIds, List<UUID> sightingIds,
			Instant stamp) {
		Timestamp at = Timestamp.from(stamp);
		jdbc.sql("""
				INSERT INTO sharing_collection_object AS o (agreement_id, indicator_id, type, stix_uuid, sighting_uuid, seq,
				  date_added, created, modified, first_seen, last_seen, records, countries, tlp, revoked)
				SELECT :a, i, t, u, su, nextval('sharing_object_seq'), ts, ts, ts, f, l, r, string_to_array(c, ','), tlp, FALSE
				FROM unnest(CAST(:ids AS bigint[]), CAST(:types AS text[]), CAST(:uuids AS uuid[]), CAST(:suuids AS uuid[]),
				  CAST(:first AS timestamptz[]), CAST(:last AS timestamptz[]), CAST(:records AS int[]), CAST(:countries AS text[]),
				  CAST(:tlps AS text[])) WITH ORDINALITY AS x(i, t, u, su, f, l, r, c, tlp, n),
				  LATERAL (SELECT CAST(:at AS timestamptz) + (x.n - 1) * interval '1 microsecond' AS ts) AS stamp
				ORDER BY x.n
				ON CONFLICT (agreement_id, indicator_id) DO UPDATE SET seq = EXCLUDED.seq, date_added = EXCLUDED.date_added,
				  modified = EXCLUDED.modified, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
				  records = EXCLUDED.records, countries = EXCLUDED.countries, tlp = EXCLUDED.tlp, revoked = FALSE""")
			.param("a", agreement)
			.param("at", at)
			.param("ids", changed.stream().map(SharedIndicators.Summary::indicatorId).toArray(Long[]::new))
			.param("types", changed.stream().map(SharedIndicators.Summary::type).toArray(String[]::new))
			.param("uuids", stixIds.toArray(UUID[]::new))
			.param("suuids", sightingIds.toArray(UUID[]::new))
			.param("first", changed.stream().map(s -> Timestamp.from(s.firstSeen())).toArray(Timestamp[]::new))
			.param("last", changed.stream().map(s -> Timestamp.from(s.lastSeen())).toArray(Timestamp[]::new))
			.param("records", changed.stream().map(SharedIndicators.Summary::records).toArray(Integer[]::new))
			.param("countries", changed.stream().map(s -> String.join(",", s.countries())).toArray(String[]::new))
			.param("tlps", changed.stream().map(s -> s.marking().name()).toArray(String[]::new))
			.update();
	}

	/** Indicators no longer shareable (their records left the scope) get a last, revoked version. */
	void revoke(UUID agreement, List<Long> indicatorIds, Instant stamp) {
		jdbc.sql("""
				UPDATE sharing_collection_object o SET revoked = TRUE, seq = nextval('sharing_object_seq'),
				  date_added = CAST(:at AS timestamptz) + (x.n - 1) * interval '1 microsecond',
				  modified = CAST(:at AS timestamptz) + (x.n - 1) * interval '1 microsecond'
				FROM unnest(CAST(:ids AS bigint[])) WITH ORDINALITY AS x(id, n)
				WHERE o.agreement_id = :a AND o.indicator_id = x.id""")
			.param("a", agreement)
			.param("ids", indicatorIds.toArray(Long[]::new))
			.param("at", Timestamp.from(stamp))
			.update();
	}

	void refreshed(UUID agreement, Instant at) {
		jdbc.sql("""
				INSERT INTO sharing_collection_state (agreement_id, last_stamp, refreshed_at) VALUES (:a, :at, :at)
				ON CONFLICT (agreement_id) DO UPDATE SET refreshed_at = :at,
				  objects = (SELECT count(*) FROM sharing_collection_object WHERE agreement_id = :a AND NOT revoked)""")
			.param("a", agreement)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** When the collection was last brought up to date, if ever. */
	Optional<Instant> refreshedAt(UUID agreement) {
		return jdbc.sql("SELECT refreshed_at FROM sharing_collection_state WHERE agreement_id = :a AND refreshed_at IS NOT NULL")
			.param("a", agreement)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/**
	 * Rows after the position {@code (afterAdded, afterSeq)} in (date_added, seq) order, added after
	 * {@code addedAfter} when given, at most {@code limit}.
	 */
	List<CollectionRow> page(UUID agreement, Instant afterAdded, long afterSeq, @Nullable Instant addedAfter, int limit) {
		Instant from = addedAfter != null && addedAfter.isAfter(afterAdded) ? addedAfter : afterAdded;
		long seq = addedAfter != null && addedAfter.isAfter(afterAdded) ? Long.MAX_VALUE : afterSeq;
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM sharing_collection_object
				WHERE agreement_id = :a AND (date_added, seq) > (:from, :seq)
				ORDER BY date_added, seq LIMIT :limit""")
			.param("a", agreement)
			.param("from", Timestamp.from(from))
			.param("seq", seq)
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Rows whose clear indicator or sighting id is one of {@code uuids}. */
	List<CollectionRow> byClearIds(UUID agreement, Collection<UUID> uuids) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM sharing_collection_object
				WHERE agreement_id = :a AND (stix_uuid = ANY (CAST(:u AS uuid[])) OR sighting_uuid = ANY (CAST(:u AS uuid[])))""")
			.param("a", agreement)
			.param("u", uuids.toArray(UUID[]::new))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Rows of the given types after an indicator id, in id order (a scan for keyed ids, which cannot be looked up). */
	List<CollectionRow> ofTypes(UUID agreement, Collection<String> types, long afterIndicator, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM sharing_collection_object
				WHERE agreement_id = :a AND type = ANY (CAST(:t AS text[])) AND indicator_id > :after
				ORDER BY indicator_id LIMIT :limit""")
			.param("a", agreement)
			.param("t", types.toArray(String[]::new))
			.param("after", afterIndicator)
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** A MISP event of the feed: the live rows of one marking first created on one UTC day. */
	record EventGroup(Tlp tlp, java.time.LocalDate day, Instant lastModified, long rows) {
	}

	List<EventGroup> eventGroups(UUID agreement) {
		return jdbc.sql("""
				SELECT tlp, CAST(created AT TIME ZONE 'UTC' AS date) AS day, max(modified), count(*)
				FROM sharing_collection_object WHERE agreement_id = :a AND NOT revoked
				GROUP BY 1, 2 ORDER BY 2, 1""")
			.param("a", agreement)
			.query((rs, n) -> new EventGroup(Tlp.valueOf(rs.getString(1)), rs.getObject(2, java.time.LocalDate.class),
					rs.getTimestamp(3).toInstant(), rs.getLong(4)))
			.list();
	}

	/** The live rows of one event group after an indicator id, in id order. */
	List<CollectionRow> eventRows(UUID agreement, Tlp tlp, java.time.LocalDate day, long afterIndicator, int limit) {
		Instant from = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM sharing_collection_object
				WHERE agreement_id = :a AND tlp = :tlp AND created >= :from AND created < :until AND NOT revoked
				  AND indicator_id > :after
				ORDER BY indicator_id LIMIT :limit""")
			.param("a", agreement)
			.param("tlp", tlp.name())
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(from.plus(1, ChronoUnit.DAYS)))
			.param("after", afterIndicator)
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The live (not revoked) rows after an indicator id, in id order. */
	List<CollectionRow> liveRows(UUID agreement, long afterIndicator, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM sharing_collection_object
				WHERE agreement_id = :a AND NOT revoked AND indicator_id > :after ORDER BY indicator_id LIMIT :limit""")
			.param("a", agreement)
			.param("after", afterIndicator)
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	long count(UUID agreement) {
		return jdbc.sql("SELECT count(*) FROM sharing_collection_object WHERE agreement_id = :a AND NOT revoked")
			.param("a", agreement)
			.query(Long.class)
			.single();
	}

	private static CollectionRow row(ResultSet rs) throws SQLException {
		List<String> countries = Arrays.stream((Object[]) rs.getArray("countries").getArray()).map(Object::toString)
			.filter(c -> !c.isBlank()).toList();
		return new CollectionRow(rs.getLong("indicator_id"), rs.getString("type"), rs.getObject("stix_uuid", UUID.class),
				rs.getObject("sighting_uuid", UUID.class), rs.getLong("seq"), rs.getTimestamp("date_added").toInstant(),
				rs.getTimestamp("created").toInstant(), rs.getTimestamp("modified").toInstant(),
				rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(), rs.getInt("records"),
				countries, Tlp.valueOf(rs.getString("tlp")), rs.getBoolean("revoked"));
	}
}
