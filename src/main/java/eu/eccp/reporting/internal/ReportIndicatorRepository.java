package eu.eccp.reporting.internal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.reporting.ReportId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ReportIndicatorRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ReportIndicatorRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Replaces the indicators of each report of a batch (so that processing a report twice stores them once):
	 * two statements for the whole batch.
	 */
	void replaceAll(Map<ReportId, List<ReportIndicator>> byReport) {
		if (byReport.isEmpty()) {
			return;
		}
		jdbc.sql("DELETE FROM report_indicator WHERE report_id = ANY (:ids)")
			.param("ids", byReport.keySet().stream().map(ReportId::value).toArray(java.util.UUID[]::new))
			.update();
		int size = byReport.values().stream().mapToInt(List::size).sum();
		if (size == 0) {
			return;
		}
		java.util.UUID[] reports = new java.util.UUID[size];
		String[] types = new String[size];
		String[] values = new String[size];
		String[] originals = new String[size];
		String[] sources = new String[size];
		Boolean[] defanged = new Boolean[size];
		String[] benign = new String[size];
		String[] details = new String[size];
		int i = 0;
		for (Map.Entry<ReportId, List<ReportIndicator>> entry : byReport.entrySet()) {
			for (ReportIndicator indicator : entry.getValue()) {
				reports[i] = entry.getKey().value();
				types[i] = indicator.type();
				values[i] = indicator.value();
				originals[i] = indicator.original();
				sources[i] = indicator.source();
				defanged[i] = indicator.defanged();
				benign[i] = indicator.benign();
				details[i] = json.writeValueAsString(indicator.details());
				i++;
			}
		}
		jdbc.sql("""
				INSERT INTO report_indicator (report_id, type, value, original, source, defanged, benign, details)
				SELECT r, t, v, o, s, d, b, CAST(x AS jsonb)
				FROM unnest(CAST(:reports AS uuid[]), CAST(:types AS text[]), CAST(:values AS text[]),
				  CAST(:originals AS text[]), CAST(:sources AS text[]), CAST(:defanged AS boolean[]),
				  CAST(:benign AS text[]), CAST(:details AS text[])) AS i(r, t, v, o, s, d, b, x)
				ON CONFLICT DO NOTHING""")
			.param("reports", reports)
			.param("types", types)
			.param("values", values)
			.param("originals", originals)
			.param("sources", sources)
			.param("defanged", defanged)
			.param("benign", benign)
			.param("details", details)
			.update();
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
