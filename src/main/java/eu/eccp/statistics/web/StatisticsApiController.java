package eu.eccp.statistics.web;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.shared.CallerContext;
import eu.eccp.statistics.internal.StatisticsQuery;
import eu.eccp.statistics.internal.StatisticsRequest;
import eu.eccp.statistics.internal.StatisticsTable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Statistics in the API: a measure by up to two dimensions, with filters, as JSON, CSV or SDMX-CSV
 * ({@code format}). {@code /api/v1/statistics} for statisticians, coordinators and national units (their own
 * country); {@code /api/v1/public/statistics} for anyone. Both give the same protected figures.
 */
@RestController
@Tag(name = "Statistics")
class StatisticsApiController {

	private final StatisticsQuery query;
	private final StatisticsDownloads downloads;
	private final Clock clock;

	StatisticsApiController(StatisticsQuery query, StatisticsDownloads downloads, Clock clock) {
		this.query = query;
		this.downloads = downloads;
		this.clock = clock;
	}

	@GetMapping("/api/v1/statistics")
	@Operation(summary = "Aggregate figures (never records) with disclosure control: measure REPORTS, VICTIMS, INCIDENTS "
			+ "or LOSSES; basis REPORTED or OCCURRED; up to two dimensions of MONTH, YEAR, OFFENCE, KIND, ICCS, RSIT, "
			+ "COUNTRY; filters from/to (YYYY-MM), country, offence, kind, iccs, rsit (comma-separated); format json "
			+ "(default), csv or sdmx-csv")
	@Nullable StatisticsTable statistics(@RequestParam(required = false) @Nullable String measure,
			@RequestParam(required = false) @Nullable String basis,
			@RequestParam(required = false) @Parameter(description = "e.g. country,month") @Nullable String dimensions,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String country, @RequestParam(required = false) @Nullable String offence,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String iccs,
			@RequestParam(required = false) @Nullable String rsit, @RequestParam(required = false) @Nullable String format,
			Locale locale, HttpServletResponse response) throws IOException {
		CallerContext caller = CallerContext.require();
		StatisticsRequest request = StatisticsRequest.parse(measure, basis, dimensions, from, to, country, offence, kind,
				iccs, rsit, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
		StatisticsDownloads.Format chosen = StatisticsDownloads.Format.parse(format);
		StatisticsTable table = query.table(caller, request, locale);
		if (chosen == StatisticsDownloads.Format.JSON) {
			return table;
		}
		downloads.write(table, chosen, caller, response);
		return null;
	}

	@GetMapping("/api/v1/public/statistics")
	@Operation(summary = "The same figures for anyone, no account needed")
	@Nullable StatisticsTable publicStatistics(@RequestParam(required = false) @Nullable String measure,
			@RequestParam(required = false) @Nullable String basis,
			@RequestParam(required = false) @Nullable String dimensions,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String country, @RequestParam(required = false) @Nullable String offence,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String iccs,
			@RequestParam(required = false) @Nullable String rsit, @RequestParam(required = false) @Nullable String format,
			Locale locale, HttpServletResponse response) throws IOException {
		StatisticsRequest request = StatisticsRequest.parse(measure, basis, dimensions, from, to, country, offence, kind,
				iccs, rsit, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
		StatisticsDownloads.Format chosen = StatisticsDownloads.Format.parse(format);
		StatisticsTable table = query.publicTable(request, locale);
		if (chosen == StatisticsDownloads.Format.JSON) {
			return table;
		}
		downloads.write(table, chosen, null, response);
		return null;
	}
}
