package eu.eccp.takedown.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.takedown.RemovalFigures;

/** The same measure as {@link TimeToRemoval}, over all assessed illegal items, grouped by country and category. */
@Component
class JdbcRemovalFigures implements RemovalFigures {

	private static final String GONE = "LEAST(COALESCE(removed_at, removal_seen_at), COALESCE(removal_seen_at, removed_at))";

	private final JdbcClient jdbc;

	JdbcRemovalFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Group> byHostingCountryAndCategory() {
		return jdbc.sql("SELECT COALESCE(hosting_country, '') AS country, category, count(" + GONE + ") AS removed, "
				+ "count(*) FILTER (WHERE " + GONE + " IS NULL AND status NOT IN ('CLOSED')) AS open, "
				+ "percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (" + GONE + " - reported_at)) / 60) AS median, "
				+ "percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (" + GONE + " - reported_at)) / 60) AS p90 "
				+ "FROM content_item WHERE category IS NOT NULL AND category NOT IN ('NOT_ILLEGAL', 'NOT_ASSESSABLE') "
				+ "GROUP BY 1, 2 ORDER BY 1, 2")
			.query((rs, n) -> new Group(rs.getString("country").strip(), rs.getString("category"), rs.getLong("removed"),
					rs.getLong("open"), (Double) rs.getObject("median"), (Double) rs.getObject("p90")))
			.list();
	}
}
