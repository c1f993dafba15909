package eu.eccp.correlation.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.correlation.ClusterTrends;
import eu.eccp.correlation.SourceRef;
import eu.eccp.indicators.IndicatorType;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.SqlTimes;

/** {@link ClusterTrends} from the sighting index: counts and countries only, never a record's content. */
@Component
class JdbcClusterTrends implements ClusterTrends {

	static final int MAX_SOURCES = 1000;

	static final int MAX_INDICATORS = 20;

	private final JdbcClient jdbc;

	JdbcClusterTrends(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<GrowingCluster> growingAcrossBorders(Instant since, int minCountries, int limit) {
		record Row(long cluster, int recent, List<CountryCode> countries) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT cluster_id, count(*) AS recent, array_agg(DISTINCT country ORDER BY country) AS countries
				FROM correlation_record
				WHERE seen_at >= :since AND tlp <> 'RED'
				GROUP BY cluster_id
				HAVING count(DISTINCT country) >= :min
				ORDER BY count(DISTINCT country) DESC, count(*) DESC, cluster_id
				LIMIT :limit""")
			.param("since", SqlTimes.at(since))
			.param("min", minCountries)
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong("cluster_id"), rs.getInt("recent"), countries(rs.getArray("countries"))))
			.list();
		List<GrowingCluster> clusters = new ArrayList<>();
		for (Row row : rows) {
			Instant firstSeen = jdbc.sql("SELECT min(seen_at) AS first_seen FROM correlation_record WHERE cluster_id = :c AND tlp <> 'RED'")
				.param("c", row.cluster())
				.query((rs, n) -> SqlTimes.instant(rs, "first_seen"))
				.list()
				.get(0);
			if (firstSeen == null) {
				// merged into another cluster by an ingest since the query above: the next look finds the merged one
				continue;
			}
			List<SourceRef> sources = jdbc.sql("""
					SELECT source_kind, source_id FROM correlation_record
					WHERE cluster_id = :c AND seen_at >= :since AND tlp <> 'RED' ORDER BY id LIMIT :max""")
				.param("c", row.cluster())
				.param("since", SqlTimes.at(since))
				.param("max", MAX_SOURCES)
				.query((rs, n) -> new SourceRef(rs.getString(1), rs.getObject(2, UUID.class)))
				.list();
			clusters.add(new GrowingCluster(row.cluster(), row.recent(), row.countries(), firstSeen, sources,
					clearIndicators(row.cluster())));
		}
		return clusters;
	}

	/** Values of the cluster that every record carrying them marked TLP:CLEAR and that identify nobody. */
	private List<ClearIndicator> clearIndicators(long cluster) {
		List<String> personal = Arrays.stream(IndicatorType.values()).filter(IndicatorType::identifiesPerson)
			.map(Enum::name).toList();
		return jdbc.sql("""
				SELECT v.type, v.value FROM sighting s
				JOIN correlation_record r ON r.id = s.record_id
				JOIN indicator_value v ON v.id = s.indicator_id
				WHERE r.cluster_id = :c AND v.benign IS NULL AND v.type NOT IN (:personal)
				GROUP BY v.type, v.value
				HAVING bool_and(r.tlp = 'CLEAR')
				ORDER BY count(*) DESC, v.type, v.value
				LIMIT :max""")
			.param("c", cluster)
			.param("personal", personal)
			.param("max", MAX_INDICATORS)
			.query((rs, n) -> new ClearIndicator(rs.getString(1), rs.getString(2)))
			.list();
	}

	private static List<CountryCode> countries(Array array) throws SQLException {
		List<CountryCode> countries = new ArrayList<>();
		for (Object code : (Object[]) array.getArray()) {
			countries.add(CountryCode.of(code.toString().strip()));
		}
		return countries;
	}
}
