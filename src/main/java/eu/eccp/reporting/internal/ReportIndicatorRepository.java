package eu.eccp.reporting.internal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportIndicator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ReportIndicatorRepository {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;
	private final JsonMapper json;

	ReportIndicatorRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json) {
		this.jdbc = jdbc;
		this.named = named;
		this.json = json;
	}

	/** Replaces the report's indicators (so that processing a report twice stores them once). */
	void replace(ReportId report, List<ReportIndicator> indicators) {
		jdbc.sql("DELETE FROM report_indicator WHERE report_id = :id").param("id", report.value()).update();
		if (indicators.isEmpty()) {
			return;
		}
		named.batchUpdate("""
				INSERT INTO report_indicator (report_id, type, value, original, source, defanged, benign, details)
				VALUES (:report, :type, :value, :original, :source, :defanged, :benign, CAST(:details AS jsonb))
				ON CONFLICT DO NOTHING""", indicators.stream()
			.map(i -> new MapSqlParameterSource().addValue("report", report.value())
				.addValue("type", i.type())
				.addValue("value", i.value())
				.addValue("original", i.original())
				.addValue("source", i.source())
				.addValue("defanged", i.defanged())
				.addValue("benign", i.benign())
				.addValue("details", json.writeValueAsString(i.details())))
			.toArray(MapSqlParameterSource[]::new));
	}

	List<ReportIndicator> find(ReportId report) {
		return jdbc.sql("SELECT * FROM report_indicator WHERE report_id = :id ORDER BY type, value, source")
			.param("id", report.value())
			.query((rs, n) -> new ReportIndicator(rs.getString("type"), rs.getString("value"), rs.getString("original"),
					rs.getString("source"), rs.getBoolean("defanged"), rs.getString("benign"),
					json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {
					})))
			.list();
	}
}
