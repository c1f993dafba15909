package eu.eccp.correlation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.Tlp;

/** The cursors of correlation's backfills, and the records they feed through correlation again. */
@Repository
class BackfillRepository {

	/** Where a backfill stands: the next record to feed and the last one it covers. */
	record Cursor(String name, long nextRecord, long lastRecord, @Nullable Instant finishedAt) {

		boolean finished() {
			return finishedAt != null;
		}
	}

	/** A batch of records with their exact sightings, and the id after the batch's last record. */
	record Batch(List<RecordSightings> records, long next) {
	}

	private final JdbcClient jdbc;

	BackfillRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Cursor> cursor(String name) {
		return jdbc.sql("SELECT * FROM correlation_backfill WHERE name = :name").param("name", name)
			.query((rs, n) -> new Cursor(rs.getString("name"), rs.getLong("next_record"), rs.getLong("last_record"),
					SqlTimes.instant(rs, "finished_at")))
			.optional();
	}

	/**
	 * Up to {@code limit} records from {@code from} to {@code last} (by id), each with the values it states itself
	 * (its exact sightings; derived ones are what the backfill adds).
	 */
	Batch records(long from, long last, int limit) {
		Map<Long, RecordSightingsBuilder> records = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT id, source_kind, source_id, owner_org, country, tlp, seen_at FROM correlation_record
				WHERE id >= :from AND id <= :last ORDER BY id LIMIT :limit""")
			.param("from", from).param("last", last).param("limit", limit)
			.query((rs, n) -> records.put(rs.getLong("id"), new RecordSightingsBuilder(
					new SourceRef(rs.getString("source_kind"), rs.getObject("source_id", UUID.class)),
					new OrganisationId(rs.getObject("owner_org", UUID.class)), CountryCode.of(rs.getString("country")),
					Tlp.valueOf(rs.getString("tlp")), SqlTimes.instant(rs, "seen_at"))))
			.list();
		if (records.isEmpty()) {
			return new Batch(List.of(), last + 1);
		}
		jdbc.sql("""
				SELECT s.record_id, v.type, v.value, v.benign FROM sighting s JOIN indicator_value v ON v.id = s.indicator_id
				WHERE s.record_id = ANY (CAST(:ids AS bigint[])) AND s.derivation IS NULL""")
			.param("ids", records.keySet().toArray(Long[]::new))
			.query((rs, n) -> records.get(rs.getLong("record_id")).indicators
				.add(new ObservedIndicator(rs.getString("type"), rs.getString("value"), rs.getString("benign"))))
			.list();
		long lastId = records.keySet().stream().mapToLong(Long::longValue).max().orElse(last);
		return new Batch(records.values().stream().filter(r -> !r.indicators.isEmpty()).map(RecordSightingsBuilder::build)
			.toList(), lastId + 1);
	}

	void advance(String name, long next, @Nullable Instant finishedAt) {
		jdbc.sql("UPDATE correlation_backfill SET next_record = :next, finished_at = :finished WHERE name = :name")
			.param("name", name).param("next", next)
			.param("finished", finishedAt == null ? null : Timestamp.from(finishedAt))
			.update();
	}

	private static final class RecordSightingsBuilder {

		private final SourceRef source;
		private final OrganisationId owner;
		private final CountryCode country;
		private final Tlp tlp;
		private final Instant seenAt;
		private final List<ObservedIndicator> indicators = new ArrayList<>();

		RecordSightingsBuilder(SourceRef source, OrganisationId owner, CountryCode country, Tlp tlp, Instant seenAt) {
			this.source = source;
			this.owner = owner;
			this.country = country;
			this.tlp = tlp;
			this.seenAt = seenAt;
		}

		RecordSightings build() {
			return new RecordSightings(source, owner, country, tlp, seenAt, indicators);
		}
	}
}
