package eu.eccp.statistics.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Downloads;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Role;
import eu.eccp.shared.Upload;
import eu.eccp.shared.Uploads;
import eu.eccp.statistics.internal.NationalFigures;
import eu.eccp.statistics.internal.StatisticsProperties;
import eu.eccp.statistics.internal.StatisticsQuery;
import eu.eccp.statistics.internal.StatisticsRequest;
import eu.eccp.statistics.internal.StatisticsTable;

/**
 * National official figures: the CSV template, the upload (a national unit's analysts, their own country) and the
 * page showing them beside the platform's own count of reports with the same ICCS code (protected as every count).
 */
@Controller
class NationalFiguresController {

	private final NationalFigures figures;
	private final StatisticsQuery query;
	private final Clock clock;
	private final StatisticsProperties properties;

	NationalFiguresController(NationalFigures figures, StatisticsQuery query, Clock clock, StatisticsProperties properties) {
		this.properties = properties;
		this.figures = figures;
		this.query = query;
		this.clock = clock;
	}

	@GetMapping("/statistics/national-figures")
	String page(@RequestParam(required = false) @Nullable Integer year, Model model, Locale locale) {
		CallerContext caller = CallerContext.require();
		int shown = year == null ? Year.now(clock.withZone(ZoneOffset.UTC)).getValue() - 1 : year;
		Set<String> countries = caller.has(Role.STATISTICIAN) || caller.has(Role.COORDINATOR) ? Set.of()
				: Set.of(caller.country().value());
		// who may see the page at all is decided as for every statistic
		query.allowed(caller, StatisticsRequest.parse(null, null, null, null, null,
				countries.isEmpty() ? null : String.join(",", countries), null, null, null, null, YearMonth.of(shown, 12)));
		List<NationalComparison> rows = new ArrayList<>();
		for (NationalFigures.Figure figure : figures.of(countries, shown)) {
			StatisticsTable table = query.table(caller, StatisticsRequest.parse("REPORTS", "OCCURRED", null, shown + "-01",
					shown + "-12", figure.country(), null, null, figure.iccsCode(), null, YearMonth.of(shown, 12)), locale);
			rows.add(new NationalComparison(figure.country(), figure.iccsCode(), figure.recorded(), figure.source(), table.total()));
		}
		model.addAttribute("year", shown);
		model.addAttribute("rows", rows);
		model.addAttribute("mayUpload", caller.has(Role.ANALYST));
		model.addAttribute("threshold", properties.threshold() - 1);
		return "statistics/national";
	}

	@GetMapping("/statistics/national-figures/template.csv")
	ResponseEntity<byte[]> template() {
		byte[] body = NationalFigures.TEMPLATE.getBytes(StandardCharsets.UTF_8);
		return Downloads.attachment("national-figures-template.csv", MediaType.parseMediaType("text/csv;charset=UTF-8"),
				body.length).body(body);
	}

	@PostMapping("/statistics/national-figures")
	String upload(@RequestParam(required = false) @Nullable MultipartFile file, Model model, Locale locale,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) throws IOException {
		CallerContext caller = CallerContext.require();
		Upload upload = Uploads.one(file);
		try {
			if (upload == null) {
				throw new InvalidRequestException("file", "validation.statistics.nationalFile");
			}
			int stored = figures.upload(caller, upload);
			redirect.addFlashAttribute("stored", stored);
			return "redirect:/statistics/national-figures";
		}
		catch (InvalidRequestException e) {
			model.addAttribute("errors", e.fieldErrors());
			response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(null, model, locale);
		}
	}
}
