package eu.eccp.statistics.internal;

import java.io.IOException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Downloads;
import jakarta.servlet.http.HttpServletResponse;

/** Serves protected tables as CSV and SDMX-CSV downloads; an export by a signed-in person is audited. */
@Service
public class StatisticsExportService {

	private final AuditTrail audit;

	StatisticsExportService(AuditTrail audit) {
		this.audit = audit;
	}

	public void csv(StatisticsTable table, @Nullable CallerContext caller, HttpServletResponse response) throws IOException {
		record(table, caller, "csv");
		Downloads.attachment(response, fileName(table, "csv"), MediaType.parseMediaType("text/csv;charset=UTF-8"));
		StatisticsExports.csv(table, response.getWriter());
	}

	public void sdmxCsv(StatisticsTable table, @Nullable CallerContext caller, HttpServletResponse response)
			throws IOException {
		record(table, caller, "sdmx-csv");
		Downloads.attachment(response, fileName(table, "sdmx.csv"),
				MediaType.parseMediaType("application/vnd.sdmx.data+csv;version=1.0.0;charset=UTF-8"));
		StatisticsExports.sdmxCsv(table, response.getWriter());
	}

	private void record(StatisticsTable table, @Nullable CallerContext caller, String format) {
		if (caller != null) {
			audit.record(AuditEvent.of("statistics.exported", "statistics", table.measure().name())
				.withDetail("format=" + format + " dimensions=" + table.dimensions() + " filters=" + table.filters()));
		}
	}

	private static String fileName(StatisticsTable table, String extension) {
		return "eccp-" + table.measure().name().toLowerCase(Locale.ROOT) + "-" + table.from() + "-" + table.to() + "."
				+ extension;
	}
}
