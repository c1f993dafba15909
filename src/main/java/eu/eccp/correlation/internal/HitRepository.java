package eu.eccp.correlation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.correlation.SourceRef;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.Visibility;

/**
 * Hits as their organisation reads them: every query takes the reading organisation and returns only its own
 * hits; the records of others that a hit links to come without their content, and never another's TLP:RED.
 */
@Repository
class HitRepository {

	/** A hit of the organisation, on one of its records, with the indicator and how the record carries it. */
	record HitRow(UUID id, String kind, UUID recordId, String type, String value, Instant createdAt,
			@Nullable Instant readAt, long clusterId, int ownDerivation) {
	}

	/**
	 * A record of another country that carries a hit's indicator: who holds it, since when, how it carries the
	 * indicator ({@code derivation}, 0: exact) and the state of the reader's last request for access to it.
	 */
	record HolderRow(UUID hitId, long recordId, String country, UUID ownerOrg, Instant seenAt, int derivation,
			@Nullable String accessStatus) {
	}

	private static final String COLUMNS = "h.*, r.source_kind, r.source_id, r.cluster_id, r.country AS own_country, v.type, v.value,"
			+ " (SELECT s.derivation FROM sighting s WHERE s.indicator_id = h.indicator_id AND s.record_id = h.record_id)"
			+ " AS own_derivation";

	private static final String FROM = """
			hit h
			JOIN correlation_record r ON r.id = h.record_id
			JOIN indicator_value v ON v.id = h.indicator_id""";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM " + FROM + " ";

	private final JdbcClient jdbc;

	HitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organisation's hits, newest first. */
	Page<HitRow> page(OrganisationId org, boolean unreadOnly, PageRequest page) {
		return PagedQuery.page(jdbc, COLUMNS, FROM, "h.organisation_id = :org" + (unreadOnly ? " AND h.read_at IS NULL" : ""),
				Map.of("org", org.value()), "h.created_at DESC, h.id", page, (rs, n) -> row(rs));
	}

	long countUnread(OrganisationId org) {
		return jdbc.sql("SELECT count(*) FROM hit WHERE organisation_id = :org AND read_at IS NULL")
			.param("org", org.value()).query(Long.class).single();
	}

	void markRead(UUID hit, Instant now) {
		jdbc.sql("UPDATE hit SET read_at = :now WHERE id = :id AND read_at IS NULL").param("id", hit)
			.param("now", Timestamp.from(now)).update();
	}

	/** The organisation's hits on one of its records, newest first (at most 200). */
	List<HitRow> onRecord(OrganisationId org, String kind, UUID sourceId) {
		return jdbc.sql(SELECT + " WHERE h.organisation_id = :org AND r.source_kind = :kind AND r.source_id = :id"
				+ " ORDER BY h.created_at DESC LIMIT 200")
			.param("org", org.value())
			.param("kind", kind)
			.param("id", sourceId)
			.query((rs, n) -> row(rs))
			.list();
	}

	List<HitRow> find(OrganisationId org, UUID hit) {
		return jdbc.sql(SELECT + " WHERE h.id = :id AND h.organisation_id = :org")
			.param("id", hit)
			.param("org", org.value())
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The records of a cluster that pass {@code visible}, oldest first (at most 1,000). */
	List<SourceRef> recordsOfCluster(long clusterId, Visibility.SqlCondition visible) {
		return jdbc.sql("SELECT r.source_kind, r.source_id FROM correlation_record r WHERE r.cluster_id = :cluster AND "
				+ visible.sql() + " ORDER BY r.seen_at LIMIT 1000")
			.param("cluster", clusterId)
			.params(visible.parameters())
			.query((rs, n) -> new SourceRef(rs.getString("source_kind"), rs.getObject("source_id", UUID.class)))
			.list();
	}

	/**
	 * For each of these hits, the records of other countries that carry its indicator (never TLP:RED ones),
	 * strongest link first, with the reading organisation's last access request for each.
	 */
	List<HolderRow> holders(OrganisationId reader, Collection<UUID> hits) {
		return jdbc.sql("""
				SELECT h.id AS hit_id, o.id, o.country, o.owner_org, o.seen_at, s.derivation,
				  (SELECT a.status FROM access_request a WHERE a.requester_org = :org AND a.record_id = o.id
				    ORDER BY a.created_at DESC LIMIT 1) AS access_status
				FROM hit h
				JOIN correlation_record mine ON mine.id = h.record_id
				JOIN sighting s ON s.indicator_id = h.indicator_id
				JOIN correlation_record o ON o.id = s.record_id
				WHERE h.id = ANY (CAST(:hits AS uuid[])) AND o.country <> mine.country AND o.tlp <> 'RED'
				ORDER BY COALESCE(s.derivation, 0), o.country, o.seen_at""")
			.param("org", reader.value())
			.param("hits", hits.toArray(UUID[]::new))
			.query((rs, n) -> new HolderRow(rs.getObject("hit_id", UUID.class), rs.getLong("id"), rs.getString("country"),
					rs.getObject("owner_org", UUID.class), rs.getObject("seen_at", OffsetDateTime.class).toInstant(),
					rs.getInt("derivation"), rs.getString("access_status")))
			.list();
	}

	private static HitRow row(ResultSet rs) throws SQLException {
		OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
		return new HitRow(rs.getObject("id", UUID.class), rs.getString("source_kind"), rs.getObject("source_id", UUID.class),
				rs.getString("type"), rs.getString("value"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				read == null ? null : read.toInstant(), rs.getLong("cluster_id"), rs.getInt("own_derivation"));
	}
}
