package eu.eccp.statistics.web;

import java.io.IOException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.statistics.internal.StatisticsExportService;
import eu.eccp.statistics.internal.StatisticsTable;
import jakarta.servlet.http.HttpServletResponse;

/** The one way the pages and the API serve a table as a file (through the shared {@code Downloads}). */
@Component
class StatisticsDownloads {

	@eu.eccp.shared.Labelled(shown = false)
	enum Format {
		JSON, CSV, SDMX_CSV;

		static Format parse(@Nullable String text) {
			if (text == null || text.isBlank()) {
				return JSON;
			}
			return switch (text.strip().toLowerCase(Locale.ROOT)) {
				case "json" -> JSON;
				case "csv" -> CSV;
				case "sdmx-csv", "sdmx" -> SDMX_CSV;
				default -> throw new InvalidRequestException("format", "validation.statistics.format");
			};
		}
	}

	private final StatisticsExportService exports;

	StatisticsDownloads(StatisticsExportService exports) {
		this.exports = exports;
	}

	void write(StatisticsTable table, Format format, @Nullable CallerContext caller, HttpServletResponse response)
			throws IOException {
		if (format == Format.SDMX_CSV) {
			exports.sdmxCsv(table, caller, response);
		}
		else {
			exports.csv(table, caller, response);
		}
	}
}
