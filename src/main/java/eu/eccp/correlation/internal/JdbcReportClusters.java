package eu.eccp.correlation.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.correlation.ReportClusters;
import eu.eccp.correlation.SourceRef;
import eu.eccp.shared.SqlTimes;

/** Memberships read from the cluster's {@code updated_at} (set on creation and on every merge into it). */
@Component
class JdbcReportClusters implements ReportClusters {

	private final JdbcClient jdbc;

	JdbcReportClusters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Membership> changedAfter(Instant since, long afterPosition, int limit) {
		return jdbc.sql("""
				SELECT r.id, r.source_id, r.cluster_id, c.updated_at
				FROM correlation_cluster c JOIN correlation_record r ON r.cluster_id = c.id
				WHERE r.source_kind = :kind AND (c.updated_at, r.id) > (:since, :after)
				ORDER BY c.updated_at, r.id LIMIT :limit""")
			.param("kind", SourceRef.REPORT)
			.param("since", SqlTimes.at(since))
			.param("after", afterPosition)
			.param("limit", limit)
			.query((rs, n) -> new Membership(rs.getObject("source_id", UUID.class), rs.getLong("cluster_id"),
					java.util.Objects.requireNonNull(SqlTimes.instant(rs, "updated_at")), rs.getLong("id")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, Long> clustersOf(Collection<UUID> reportIds) {
		Map<UUID, Long> result = new HashMap<>();
		if (reportIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT source_id, cluster_id FROM correlation_record
				WHERE source_kind = :kind AND source_id = ANY (CAST(:ids AS uuid[]))""")
			.param("kind", SourceRef.REPORT)
			.param("ids", reportIds.toArray(UUID[]::new))
			.query((rs, n) -> result.put(rs.getObject("source_id", UUID.class), rs.getLong("cluster_id")))
			.list();
		return result;
	}
}
