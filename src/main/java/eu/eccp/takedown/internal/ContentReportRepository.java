package eu.eccp.takedown.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;

@Repository
class ContentReportRepository {

	private final JdbcClient jdbc;

	ContentReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewContentReport(UUID id, @Nullable String idempotencyKey, ValidContentReport report) {
	}

	/**
	 * Stores the reports that are new for the organisation; returns the ids stored. A report whose key or
	 * reference the organisation used before is not stored (a concurrent retry waits for the first one's commit).
	 */
	List<UUID> insertNew(OrganisationId org, UUID by, String channel, List<NewContentReport> reports, Instant now) {
		int n = reports.size();
		UUID[] ids = new UUID[n];
		String[] keys = new String[n];
		String[] refs = new String[n];
		String[] categories = new String[n];
		String[] descriptions = new String[n];
		String[] tlps = new String[n];
		for (int i = 0; i < n; i++) {
			NewContentReport r = reports.get(i);
			ids[i] = r.id();
			keys[i] = r.idempotencyKey();
			refs[i] = r.report().organisationReference();
			categories[i] = r.report().category().name();
			descriptions[i] = r.report().description();
			tlps[i] = r.report().tlp().name();
		}
		return jdbc.sql("""
				INSERT INTO content_report (id, organisation_id, submitted_by, org_reference, idempotency_key, category,
				  description, tlp, channel, submitted_at)
				SELECT i, :org, :by, r, k, c, d, t, :channel, :now FROM unnest(CAST(:ids AS uuid[]), CAST(:refs AS text[]),
				  CAST(:keys AS text[]), CAST(:categories AS text[]), CAST(:descriptions AS text[]), CAST(:tlps AS text[]))
				  AS x(i, r, k, c, d, t)
				ON CONFLICT DO NOTHING
				RETURNING id""")
			.param("org", org.value()).param("by", by).param("channel", channel).param("now", Timestamp.from(now))
			.param("ids", ids).param("refs", refs).param("keys", keys).param("categories", categories)
			.param("descriptions", descriptions).param("tlps", tlps)
			.query(UUID.class)
			.list();
	}

	/** The organisation's earlier report with that key or reference. */
	Optional<UUID> earlier(OrganisationId org, @Nullable String key, @Nullable String reference) {
		return jdbc.sql("""
				SELECT id FROM content_report WHERE organisation_id = :org
				  AND ((CAST(:key AS text) IS NOT NULL AND idempotency_key = :key)
				    OR (CAST(:ref AS text) IS NOT NULL AND org_reference = :ref))
				ORDER BY submitted_at LIMIT 1""")
			.param("org", org.value()).param("key", key).param("ref", reference)
			.query(UUID.class)
			.optional();
	}

	/** The organisation's earlier reports by reference, for a bulk chunk. */
	Map<String, UUID> byReferences(OrganisationId org, List<String> references) {
		Map<String, UUID> result = new HashMap<>();
		if (references.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT id, org_reference FROM content_report WHERE organisation_id = :org
				  AND org_reference = ANY(CAST(:refs AS text[]))""")
			.param("org", org.value()).param("refs", references.toArray(String[]::new))
			.query((rs, row) -> result.put(rs.getString("org_reference"), rs.getObject("id", UUID.class)))
			.list();
		return result;
	}

	/** Where a stored content report's addresses went (for replays), in the order they were given. */
	List<Placement> placements(UUID contentReport) {
		return jdbc.sql("""
				SELECT i.id, i.url, i.handler_org, i.handled_since, (i.reported_at = s.reported_at
				  AND NOT EXISTS (SELECT 1 FROM content_item_source o WHERE o.item_id = i.id AND o.reported_at < s.reported_at)) AS created
				FROM content_item_source s JOIN content_item i ON i.id = s.item_id
				WHERE s.source_kind = 'CONTENT_REPORT' AND s.source_id = :id ORDER BY s.url_as_given""")
			.param("id", contentReport)
			.query((rs, row) -> new Placement(new ItemId(rs.getObject("id", UUID.class)), rs.getString("url"),
					rs.getBoolean("created"), new OrganisationId(rs.getObject("handler_org", UUID.class)),
					ItemRepository.instant(rs, "handled_since"), false))
			.list();
	}
}
