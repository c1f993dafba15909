package eu.eccp.takedown.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Visibility;

/**
 * Time to removal of the items the caller takes part in: from the first report to the first moment the item was
 * known to be gone (as the host said, or as the removal check saw), median and 90th percentile in minutes, by
 * hosting country, host or assessed category; also as CSV. Items not removed yet are counted as open.
 */
@Service
public class TimeToRemoval {

	/** How the figures are grouped. */
	public enum Grouping {
		COUNTRY("COALESCE(i.hosting_country, '')"),
		HOST("COALESCE(i.host_provider, '')"),
		CATEGORY("COALESCE(i.category, '')");

		final String expression;

		Grouping(String expression) {
			this.expression = expression;
		}

		public static Grouping parse(@Nullable String text) {
			try {
				return text == null ? COUNTRY : valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new eu.eccp.shared.InvalidRequestException("by", "validation.takedown.grouping");
			}
		}
	}

	/** One group: its key (empty when unknown), items removed and still open, median and p90 in minutes. */
	public record Row(String key, long removed, long open, @Nullable Double medianMinutes, @Nullable Double p90Minutes) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	TimeToRemoval(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Row> by(CallerContext caller, Grouping grouping) {
		Visibility.SqlCondition visible = ItemRepository.visibleTo(caller);
		String gone = "LEAST(COALESCE(i.removed_at, i.removal_seen_at), COALESCE(i.removal_seen_at, i.removed_at))";
		return jdbc.sql("SELECT " + grouping.expression + " AS k, count(" + gone + ") AS removed, "
				+ "count(*) FILTER (WHERE " + gone + " IS NULL AND i.status NOT IN ('CLOSED')) AS open, "
				+ "percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (" + gone + " - i.reported_at)) / 60) AS median, "
				+ "percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (" + gone + " - i.reported_at)) / 60) AS p90 "
				+ "FROM content_item i WHERE " + visible.sql() + " AND i.category IS NOT NULL AND i.category NOT IN "
				+ "('NOT_ILLEGAL', 'NOT_ASSESSABLE') GROUP BY 1 ORDER BY 1")
			.params(visible.parameters())
			.query((rs, n) -> new Row(rs.getString("k"), rs.getLong("removed"), rs.getLong("open"),
					(Double) rs.getObject("median"), (Double) rs.getObject("p90")))
			.list();
	}

	/** The same as CSV (header: grouping, removed, open, median_minutes, p90_minutes); the export is audited. */
	@Transactional
	public void csv(CallerContext caller, Grouping grouping, Writer out) throws IOException {
		List<Row> rows = by(caller, grouping);
		audit.record(AuditEvent.of("takedown.statistics.exported", "time-to-removal", grouping.name()));
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
			.setHeader(grouping.name().toLowerCase(Locale.ROOT), "removed", "open", "median_minutes", "p90_minutes")
			.get())) {
			for (Row row : rows) {
				csv.printRecord(row.key(), row.removed(), row.open(), format(row.medianMinutes()), format(row.p90Minutes()));
			}
		}
	}

	private static String format(@Nullable Double minutes) {
		return minutes == null ? "" : String.format(Locale.ROOT, "%.1f", minutes);
	}

}
