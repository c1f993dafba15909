package eu.eccp.takedown.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;

/**
 * Time to removal of the items the caller takes part in: from the first report to the first moment the item was
 * known to be gone (as the host said, or as the removal check saw), median and 90th percentile in minutes, by
 * hosting country, host or assessed category; also as CSV. Items not removed yet are counted as open.
 */
@Service
public class TimeToRemoval {

	/** How the figures are grouped. */
	@eu.eccp.shared.Labelled("takedown.stats.group")
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

	private final RemovalTimeRepository removalTimes;
	private final AuditTrail audit;

	TimeToRemoval(RemovalTimeRepository removalTimes, AuditTrail audit) {
		this.removalTimes = removalTimes;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Row> by(CallerContext caller, Grouping grouping) {
		return removalTimes.by(grouping, ItemRepository.visibleTo(caller));
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
