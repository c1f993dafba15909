package eu.eccp.correlation.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Visibility;

/**
 * The reads behind a cluster graph: the cluster's size, its records as the caller may know them (never
 * others' TLP:RED; whether the caller may open each, by {@link RecordVisibility}), and the linking values
 * those records carry (warning-listed and "too common" ones left out, as they link nothing).
 */
@Repository
class ClusterRepository {

	/** A record of the cluster; {@code visible}: the caller may open it. */
	record ClusterRecord(long id, String kind, UUID sourceId, UUID owner, String country, String tlp, Instant seenAt,
			boolean visible) {
	}

	/** A record carrying a linking value, exactly ({@code derivation} 0) or by a relation's code. */
	record Carrier(long indicatorId, long recordId, String type, String value, int derivation) {
	}

	private final JdbcClient jdbc;

	ClusterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Integer> size(long clusterId) {
		return jdbc.sql("SELECT size FROM correlation_cluster WHERE id = :id").param("id", clusterId).query(Integer.class)
			.optional();
	}

	/** Up to {@code limit} records of the cluster the caller may know exist, oldest first. */
	List<ClusterRecord> records(CallerContext caller, long clusterId, int limit) {
		Visibility.SqlCondition visible = RecordVisibility.visible(caller);
		return jdbc.sql("SELECT r.*, " + visible.sql() + " AS visible FROM correlation_record r "
				+ "WHERE r.cluster_id = :id AND (r.tlp <> 'RED' OR r.owner_org = :vis_org) ORDER BY r.seen_at, r.id LIMIT :limit")
			.params(visible.parameters())
			.param("id", clusterId)
			.param("limit", limit)
			.query((rs, n) -> new ClusterRecord(rs.getLong("id"), rs.getString("source_kind"),
					rs.getObject("source_id", UUID.class), rs.getObject("owner_org", UUID.class), rs.getString("country"),
					rs.getString("tlp"), rs.getObject("seen_at", OffsetDateTime.class).toInstant(), rs.getBoolean("visible")))
			.list();
	}

	/** The linking values the records carry (at most {@code maxSources} carriers each), by value. */
	List<Carrier> carriers(Collection<Long> recordIds, int maxSources) {
		return jdbc.sql("""
				SELECT s.indicator_id, s.record_id, v.type, v.value, COALESCE(s.derivation, 0)
				FROM sighting s JOIN indicator_value v ON v.id = s.indicator_id
				WHERE s.record_id = ANY (CAST(:ids AS bigint[])) AND v.benign IS NULL AND v.source_count <= :max
				ORDER BY s.indicator_id, s.record_id""")
			.param("ids", recordIds.toArray(Long[]::new))
			.param("max", maxSources)
			.query((rs, n) -> new Carrier(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
	}
}
