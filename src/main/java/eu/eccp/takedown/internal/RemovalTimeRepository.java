package eu.eccp.takedown.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.Visibility;
import eu.eccp.takedown.RemovalFigures;

/**
 * Time to removal over assessed illegal items: from the first report to the first moment the item was known to be
 * gone (as the host said, or as the removal check saw), median and 90th percentile in minutes. One measure for the
 * takedown page ({@link TimeToRemoval}) and the statistics module ({@link JdbcRemovalFigures}).
 */
@Repository
class RemovalTimeRepository {

	/** When the item was first known to be gone: the earlier of the host's word and the removal check's sighting. */
	private static final String GONE = "LEAST(COALESCE(i.removed_at, i.removal_seen_at), COALESCE(i.removal_seen_at, i.removed_at))";

	private static final String MEASURES = "count(" + GONE + ") AS removed, "
			+ "count(*) FILTER (WHERE " + GONE + " IS NULL AND i.status NOT IN ('CLOSED')) AS open, "
			+ "percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (" + GONE + " - i.reported_at)) / 60) AS median, "
			+ "percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (" + GONE + " - i.reported_at)) / 60) AS p90 ";

	private static final String ASSESSED_ILLEGAL = "i.category IS NOT NULL AND i.category NOT IN ('NOT_ILLEGAL', 'NOT_ASSESSABLE')";

	private final JdbcClient jdbc;

	RemovalTimeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The items that pass {@code visible}, grouped as asked. */
	List<TimeToRemoval.Row> by(TimeToRemoval.Grouping grouping, Visibility.SqlCondition visible) {
		return jdbc.sql("SELECT " + grouping.expression + " AS k, " + MEASURES + "FROM content_item i WHERE " + visible.sql()
				+ " AND " + ASSESSED_ILLEGAL + " GROUP BY 1 ORDER BY 1")
			.params(visible.parameters())
			.query((rs, n) -> new TimeToRemoval.Row(rs.getString("k"), rs.getLong("removed"), rs.getLong("open"),
					(Double) rs.getObject("median"), (Double) rs.getObject("p90")))
			.list();
	}

	/** All items (for the statistics module's aggregate figures), by hosting country and category. */
	List<RemovalFigures.Group> byHostingCountryAndCategory() {
		return jdbc.sql("SELECT COALESCE(i.hosting_country, '') AS country, i.category, " + MEASURES
				+ "FROM content_item i WHERE " + ASSESSED_ILLEGAL + " GROUP BY 1, 2 ORDER BY 1, 2")
			.query((rs, n) -> new RemovalFigures.Group(rs.getString("country").strip(), rs.getString("category"),
					rs.getLong("removed"), rs.getLong("open"), (Double) rs.getObject("median"), (Double) rs.getObject("p90")))
			.list();
	}
}
