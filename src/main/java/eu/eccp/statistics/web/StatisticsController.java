package eu.eccp.statistics.web;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.eccp.reporting.CrimeKind;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Labels;
import eu.eccp.statistics.internal.Basis;
import eu.eccp.statistics.internal.Dimension;
import eu.eccp.statistics.internal.Measure;
import eu.eccp.statistics.internal.StatisticsQuery;
import eu.eccp.statistics.internal.StatisticsRequest;
import eu.eccp.statistics.internal.StatisticsTable;
import eu.eccp.statistics.internal.TimeFigures;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The statistics pages: {@code /statistics} for anyone (en/fr/de, no account), {@code /statistics/analysis} for
 * statisticians, coordinators and national units (their own country). Both show one protected table with its chart
 * (Chart.js), caption, the table itself as the chart's text alternative, the rules, the sources and the downloads.
 */
@Controller
class StatisticsController {

	private final StatisticsQuery query;
	private final StatisticsDownloads downloads;
	private final Labels labels;
	private final Clock clock;
	private final TimeFigures times;
	private final StatisticsJson json;

	StatisticsController(StatisticsQuery query, StatisticsDownloads downloads, Labels labels, Clock clock,
			TimeFigures times, StatisticsJson json) {
		this.times = times;
		this.json = json;
		this.query = query;
		this.downloads = downloads;
		this.labels = labels;
		this.clock = clock;
	}

	@GetMapping("/statistics")
	String publicPage(StatisticsQuestion question, Model model, Locale locale, HttpServletResponse response) {
		return page(question, model, locale, response, false);
	}

	@GetMapping("/statistics/analysis")
	String analysisPage(StatisticsQuestion question, Model model, Locale locale, HttpServletResponse response) {
		return page(question, model, locale, response, true);
	}

	@GetMapping("/statistics/download")
	void publicDownload(StatisticsQuestion question, @RequestParam(required = false) @Nullable String format, Locale locale,
			HttpServletResponse response) throws IOException {
		download(question, format, locale, response, false);
	}

	@GetMapping("/statistics/analysis/download")
	void analysisDownload(StatisticsQuestion question, @RequestParam(required = false) @Nullable String format, Locale locale,
			HttpServletResponse response) throws IOException {
		download(question, format, locale, response, true);
	}

	private String page(StatisticsQuestion question, Model model, Locale locale, HttpServletResponse response, boolean staff) {
		model.addAttribute("staff", staff);
		model.addAttribute("question", question);
		model.addAttribute("measures", Measure.values());
		model.addAttribute("bases", Basis.values());
		model.addAttribute("dimensionChoices", Dimension.values());
		model.addAttribute("offences", Offence.values());
		model.addAttribute("kinds", CrimeKind.values());
		model.addAttribute("countries", labels.countryNames(CountryCode.EU_MEMBER_STATES.stream().sorted().toList()));
		try {
			StatisticsRequest request = request(question, staff);
			StatisticsTable table = staff ? query.table(CallerContext.require(), request, locale)
					: query.publicTable(request, locale);
			model.addAttribute("table", table);
			model.addAttribute("rows", rows(table));
			List<String> columns = table.dimensions().size() == 2 ? columnsOf(table) : List.of();
			model.addAttribute("columns", columns.stream().map(c -> label(table.dimensions().get(1), c)).toList());
			model.addAttribute("columnTotals", columnTotals(table, columns));
			Map<String, Object> chart = chart(table, question.perCapita(), locale);
			model.addAttribute("chart", chart);
			model.addAttribute("chartJson", json.write(chart));
			model.addAttribute("downloadQuery", downloadQuery(question));
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", e.fieldErrors());
		}
		if (staff) {
			CallerContext caller = CallerContext.require();
			model.addAttribute("removals", times.removals(caller));
			model.addAttribute("requestTimes", times.requests(caller));
		}
		return "statistics/page";
	}

	private void download(StatisticsQuestion question, @Nullable String format, Locale locale, HttpServletResponse response,
			boolean staff) throws IOException {
		StatisticsDownloads.Format chosen;
		StatisticsRequest request;
		try {
			chosen = StatisticsDownloads.Format.parse(format == null ? "csv" : format);
			request = request(question, staff);
		}
		catch (InvalidRequestException e) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		if (chosen == StatisticsDownloads.Format.JSON) {
			chosen = StatisticsDownloads.Format.CSV;
		}
		if (staff) {
			CallerContext caller = CallerContext.require();
			downloads.write(query.table(caller, request, locale), chosen, caller, response);
		}
		else {
			downloads.write(query.publicTable(request, locale), chosen, null, response);
		}
	}

	private StatisticsRequest request(StatisticsQuestion q, boolean staff) {
		return StatisticsRequest.parse(q.measure(), q.basis(), staff ? q.dimensions() : q.dimensions(), q.from(), q.to(),
				q.country(), q.offence(), q.kind(), q.iccs(), q.rsit(), YearMonth.now(clock.withZone(ZoneOffset.UTC)));
	}

	private List<StatisticsRow> rows(StatisticsTable table) {
		if (table.dimensions().isEmpty()) {
			return List.of();
		}
		Dimension first = table.dimensions().get(0);
		String firstName = first.name().toLowerCase(Locale.ROOT);
		Map<String, StatisticsRow> rows = new LinkedHashMap<>();
		for (String value : table.valuesOf(first)) {
			List<StatisticsTable.Figure> cells = table.cells().stream()
				.filter(f -> value.equals(f.key().get(firstName)))
				.toList();
			StatisticsTable.Figure total = table.dimensions().size() == 2 ? table.totals().stream()
				.filter(f -> f.key().size() == 1 && value.equals(f.key().get(firstName)))
				.findFirst().orElse(null) : null;
			rows.put(value, new StatisticsRow(label(first, value), cells, total));
		}
		return List.copyOf(rows.values());
	}

	/** The second dimension's values in the order of its totals (also when no row has any figure). */
	private static List<String> columnsOf(StatisticsTable table) {
		String second = table.dimensions().get(1).name().toLowerCase(Locale.ROOT);
		return table.totals().stream().filter(f -> f.key().size() == 1 && f.key().containsKey(second))
			.map(f -> f.key().get(second)).toList();
	}

	private static List<StatisticsTable.Figure> columnTotals(StatisticsTable table, List<String> columns) {
		if (columns.isEmpty()) {
			return List.of();
		}
		String second = table.dimensions().get(1).name().toLowerCase(Locale.ROOT);
		return columns.stream()
			.map(c -> table.totals().stream().filter(f -> f.key().size() == 1 && c.equals(f.key().get(second))).findFirst()
				.orElseThrow())
			.toList();
	}

	/** The words for a dimension's value in the reader's language. */
	String label(Dimension dimension, String value) {
		if (Dimension.UNKNOWN.equals(value)) {
			return labels.message("statistics.unknown");
		}
		return switch (dimension) {
			case COUNTRY -> labels.country(value);
			case OFFENCE -> labels.of(Offence.valueOf(value));
			case KIND -> labels.of(CrimeKind.valueOf(value));
			case ICCS -> "ICCS " + value;
			default -> value;
		};
	}

	/** What the chart draws: the first dimension's values (per 100,000 or counts); suppressed bars are left empty. */
	Map<String, Object> chart(StatisticsTable table, boolean perCapita, Locale locale) {
		Map<String, Object> chart = new LinkedHashMap<>();
		if (table.dimensions().isEmpty()) {
			return chart;
		}
		Dimension first = table.dimensions().get(0);
		List<StatisticsTable.Figure> figures = table.dimensions().size() == 2
				? table.totals().stream().filter(f -> f.key().size() == 1 && f.key().containsKey(first.name().toLowerCase(Locale.ROOT))).toList()
				: table.cells();
		chart.put("labels", figures.stream().map(f -> label(first, f.key().get(first.name().toLowerCase(Locale.ROOT)))).toList());
		chart.put("values", figures.stream().map(f -> perCapita ? f.per100k() : f.value() == null ? null : (Object) f.value()).toList());
		chart.put("label", perCapita ? labels.message("statistics.page.per100kOf", table.unit()) : table.unit());
		return chart;
	}

	private static String downloadQuery(StatisticsQuestion q) {
		StringBuilder query = new StringBuilder();
		append(query, "measure", q.measure());
		append(query, "basis", q.basis());
		append(query, "dimension", q.dimension());
		append(query, "dimension2", q.dimension2());
		append(query, "from", q.from());
		append(query, "to", q.to());
		append(query, "country", q.country());
		append(query, "offence", q.offence());
		append(query, "kind", q.kind());
		append(query, "iccs", q.iccs());
		append(query, "rsit", q.rsit());
		return query.toString();
	}

	private static void append(StringBuilder query, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			query.append('&').append(name).append('=')
				.append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}
}
