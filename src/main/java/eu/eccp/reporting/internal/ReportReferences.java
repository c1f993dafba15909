package eu.eccp.reporting.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import eu.eccp.correlation.RecordReferences;
import eu.eccp.correlation.SourceRef;

/** Reports by their public reference, for correlation's cluster graph (only records the reader may open). */
@Component
class ReportReferences implements RecordReferences {

	private final JdbcClient jdbc;

	ReportReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return SourceRef.REPORT;
	}

	@Override
	public Map<UUID, String> referencesOf(Collection<UUID> ids) {
		Map<UUID, String> references = new HashMap<>();
		if (ids.isEmpty()) {
			return references;
		}
		jdbc.sql("SELECT id, reference FROM report WHERE id = ANY (CAST(:ids AS uuid[]))")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> references.put(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		return references;
	}
}
