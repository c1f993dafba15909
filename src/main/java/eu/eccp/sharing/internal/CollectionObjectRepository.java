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

import eu.eccp.shared.Tlp;

/** The rows of {@code sharing_collection_object} and the collection's stamp in {@code sharing_collection_state}. */
@Repository
class CollectionObjectRepository {

	private static final String COLUMNS = "indicator_id, type, stix_uuid, sighting_uuid, seq, date_added, created, modified,"
			+ " first_seen, last_seen, records, countries, tlp, revoked";

	private final JdbcClient jdbc;

	CollectionObjectRepository(JdbcClient jdbc) {
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

	/** What a refresh stamps for one indicator: its ids and the sighting summary of this version. */
	record Stamped(long indicatorId, String type, UUID stixUuid, UUID sightingUuid, Instant firstSeen, Instant lastSeen,
			int records, List<String> countries, Tlp tlp) {

		Stamped {
			countries = List.copyOf(countries);
		}
	}

	/**
	 * New and changed indicators get a new version, the i-th stamped {@code stamp} + i microseconds, so no two rows of
	 * a collection share a date added and a client's {@code added_after} cursor resumes exactly (their first creation
	 * time is kept). Each version is kept in {@code sharing_collection_version} as well, at most {@code maxVersions}
	 * per object (the oldest go first).
	 */
	void upsert(UUID agreement, List<Stamped> changed, Instant stamp, int maxVersions) {
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
			.param("ids", changed.stream().map(Stamped::indicatorId).toArray(Long[]::new))
			.param("types", changed.stream().map(Stamped::type).toArray(String[]::new))
			.param("uuids", changed.stream().map(Stamped::stixUuid).toArray(UUID[]::new))
			.param("suuids", changed.stream().map(Stamped::sightingUuid).toArray(UUID[]::new))
			.param("first", changed.stream().map(s -> Timestamp.from(s.firstSeen())).toArray(Timestamp[]::new))
			.param("last", changed.stream().map(s -> Timestamp.from(s.lastSeen())).toArray(Timestamp[]::new))
			.param("records", changed.stream().map(Stamped::records).toArray(Integer[]::new))
			.param("countries", changed.stream().map(s -> String.join(",", s.countries())).toArray(String[]::new))
			.param("tlps", changed.stream().map(s -> s.tlp().name()).toArray(String[]::new))
			.update();
		keepVersions(agreement, changed.stream().map(Stamped::indicatorId).toList(), maxVersions);
	}

	/** Indicators no longer shareable (their records left the scope) get a last, revoked version. */
	void revoke(UUID agreement, List<Long> indicatorIds, Instant stamp, int maxVersions) {
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
		keepVersions(agreement, indicatorIds, maxVersions);
	}

	/** Copies the objects' current versions into the version history and drops the oldest beyond {@code max}. */
	private void keepVersions(UUID agreement, List<Long> indicatorIds, int max) {
		Long[] ids = indicatorIds.toArray(Long[]::new);
		jdbc.sql("""
				INSERT INTO sharing_collection_version (agreement_id, indicator_id, seq, date_added, modified, first_seen,
				  last_seen, records, countries, tlp, revoked)
				SELECT agreement_id, indicator_id, seq, date_added, modified, first_seen, last_seen, records, countries, tlp, revoked
				FROM sharing_collection_object WHERE agreement_id = :a AND indicator_id = ANY (CAST(:ids AS bigint[]))
				ON CONFLICT (agreement_id, indicator_id, modified) DO NOTHING""")
			.param("a", agreement)
			.param("ids", ids)
			.update();
		jdbc.sql("""
				DELETE FROM sharing_collection_version v USING (
				  SELECT indicator_id, modified, row_number() OVER (PARTITION BY indicator_id ORDER BY modified DESC) AS n
				  FROM sharing_collection_version WHERE agreement_id = :a AND indicator_id = ANY (CAST(:ids AS bigint[]))) old
				WHERE v.agreement_id = :a AND v.indicator_id = old.indicator_id AND v.modified = old.modified AND old.n > :max""")
			.param("a", agreement)
			.param("ids", ids)
			.param("max", max)
			.update();
	}

	/** Which versions a history walk gives: all of them, the first and/or last kept of each object, given times. */
	record VersionFilter(boolean all, boolean first, boolean last, List<Instant> stamps) {

		VersionFilter {
			stamps = List.copyOf(stamps);
		}
	}

	private static final String VERSION_COLUMNS = """
			v.indicator_id, o.type, o.stix_uuid, o.sighting_uuid, v.seq, v.date_added, o.created, v.modified, v.first_seen,
			v.last_seen, v.records, v.countries, v.tlp, v.revoked""";

	private static final String VERSION_FILTER = """
			 AND (NOT o.revoked OR v.seq = o.seq)
			 AND (:all OR (:last AND v.seq = o.seq)
			  OR (:first AND v.modified = (SELECT min(v2.modified) FROM sharing_collection_version v2
			     WHERE v2.agreement_id = v.agreement_id AND v2.indicator_id = v.indicator_id))
			  OR v.modified = ANY (CAST(:stamps AS timestamptz[])))""";

	/**
	 * Versions after the position {@code (afterAdded, afterSeq)} in (date_added, seq) order, added after
	 * {@code addedAfter} when given, at most {@code limit}, as the filter asks. A revoked object shows its revoked
	 * version only: what it was before is no longer served.
	 */
	List<CollectionRow> versionPage(UUID agreement, Instant afterAdded, long afterSeq, @Nullable Instant addedAfter,
			int limit, VersionFilter filter) {
		Instant from = addedAfter != null && addedAfter.isAfter(afterAdded) ? addedAfter : afterAdded;
		long seq = addedAfter != null && addedAfter.isAfter(afterAdded) ? Long.MAX_VALUE : afterSeq;
		return jdbc.sql("SELECT " + VERSION_COLUMNS + """
				 FROM sharing_collection_version v
				JOIN sharing_collection_object o ON o.agreement_id = v.agreement_id AND o.indicator_id = v.indicator_id
				WHERE v.agreement_id = :a AND (v.date_added, v.seq) > (:from, :seq)""" + VERSION_FILTER + """
				 ORDER BY v.date_added, v.seq LIMIT :limit""")
			.param("a", agreement)
			.param("from", Timestamp.from(from))
			.param("seq", seq)
			.param("limit", limit)
			.param("all", filter.all())
			.param("first", filter.first())
			.param("last", filter.last())
			.param("stamps", filter.stamps().stream().map(Timestamp::from).toArray(Timestamp[]::new))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The kept versions of some objects (as the filter asks), oldest first. */
	List<CollectionRow> versionsOf(UUID agreement, Collection<Long> indicatorIds, VersionFilter filter) {
		return jdbc.sql("SELECT " + VERSION_COLUMNS + """
				 FROM sharing_collection_version v
				JOIN sharing_collection_object o ON o.agreement_id = v.agreement_id AND o.indicator_id = v.indicator_id
				WHERE v.agreement_id = :a AND v.indicator_id = ANY (CAST(:ids AS bigint[]))""" + VERSION_FILTER + """
				 ORDER BY v.indicator_id, v.modified""")
			.param("a", agreement)
			.param("ids", indicatorIds.toArray(Long[]::new))
			.param("all", filter.all())
			.param("first", filter.first())
			.param("last", filter.last())
			.param("stamps", filter.stamps().stream().map(Timestamp::from).toArray(Timestamp[]::new))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The rows of the given indicators, in id order (what a refresh of changed indicators compares against). */
	List<CollectionRow> rowsOf(UUID agreement, Collection<Long> indicatorIds) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM sharing_collection_object
				WHERE agreement_id = :a AND indicator_id = ANY (CAST(:ids AS bigint[])) ORDER BY indicator_id""")
			.param("a", agreement)
			.param("ids", indicatorIds.toArray(Long[]::new))
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * Notes that the collection is up to date as of {@code at}, and where in correlation's history of changes the
	 * next refresh starts ({@code horizon}; null: it compares every indicator); {@code recount}: its count of objects
	 * is taken anew from its rows.
	 */
	void refreshed(UUID agreement, Instant at, @Nullable Long horizon, boolean recount) {
		jdbc.sql("""
				INSERT INTO sharing_collection_state (agreement_id, last_stamp, refreshed_at, change_horizon)
				VALUES (:a, :at, :at, :horizon)
				ON CONFLICT (agreement_id) DO UPDATE SET refreshed_at = :at, change_horizon = :horizon""" + (recount ? """
				, objects = (SELECT count(*) FROM sharing_collection_object WHERE agreement_id = :a AND NOT revoked)""" : ""))
			.param("a", agreement)
			.param("at", Timestamp.from(at))
			.param("horizon", horizon, java.sql.Types.BIGINT)
			.update();
	}

	/** Moves the collection's count of objects (not revoked) by {@code delta}, in the comparison's transaction. */
	void countObjects(UUID agreement, int delta) {
		if (delta != 0) {
			jdbc.sql("UPDATE sharing_collection_state SET objects = objects + :delta WHERE agreement_id = :a")
				.param("a", agreement)
				.param("delta", delta)
				.update();
		}
	}

	/** Where the collection's next refresh starts in correlation's history of changes, with when it was last refreshed. */
	record Horizon(Instant refreshedAt, long transaction) {
	}

	Optional<Horizon> horizon(UUID agreement) {
		return jdbc.sql("""
				SELECT refreshed_at, change_horizon FROM sharing_collection_state
				WHERE agreement_id = :a AND refreshed_at IS NOT NULL AND change_horizon IS NOT NULL""")
			.param("a", agreement)
			.query((rs, n) -> new Horizon(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
			.optional();
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

	/**
	 * The live TLP:CLEAR rows, of the given (collection, type) pairs, of the first {@code limit} indicators after an
	 * indicator id (all rows of each of them), in indicator id order: what the public collection is made of.
	 */
	List<CollectionRow> publishable(List<UUID> collections, List<String> types, long afterIndicator, int limit) {
		if (collections.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				WITH allowed AS (SELECT * FROM unnest(CAST(:c AS uuid[]), CAST(:t AS text[])) AS p(a, t)),
				ids AS (SELECT DISTINCT o.indicator_id FROM sharing_collection_object o
				  JOIN allowed p ON o.agreement_id = p.a AND o.type = p.t
				  WHERE NOT o.revoked AND o.tlp = 'CLEAR' AND o.indicator_id > :after ORDER BY 1 LIMIT :limit)
				SELECT o.""" + COLUMNS + """
				 FROM sharing_collection_object o JOIN allowed p ON o.agreement_id = p.a AND o.type = p.t
				JOIN ids ON ids.indicator_id = o.indicator_id
				WHERE NOT o.revoked AND o.tlp = 'CLEAR' ORDER BY o.indicator_id""")
			.param("c", collections.toArray(UUID[]::new))
			.param("t", types.toArray(String[]::new))
			.param("after", afterIndicator)
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
