package eu.eccp.takedown.web;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.shared.CallerContext;
import eu.eccp.takedown.internal.TimeToRemoval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** Time to removal in the API: JSON and CSV. */
@RestController
@Tag(name = "Illegal content")
class TimeToRemovalApiController {

	private final TimeToRemoval statistics;

	TimeToRemovalApiController(TimeToRemoval statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/api/v1/content-items/time-to-removal")
	@Operation(summary = "Median and 90th-percentile minutes from report to removal of the items you take part in, "
			+ "by COUNTRY (hosting country), HOST or CATEGORY")
	List<TimeToRemoval.Row> json(@RequestParam(required = false) @Nullable String by) {
		return statistics.by(CallerContext.require(), TimeToRemoval.Grouping.parse(by));
	}

	@GetMapping("/api/v1/content-items/time-to-removal.csv")
	@Operation(summary = "The same as CSV: grouping, removed, open, median_minutes, p90_minutes")
	void csv(@RequestParam(required = false) @Nullable String by, HttpServletResponse response) throws IOException {
		TimeToRemovalCsv.write(statistics, TimeToRemoval.Grouping.parse(by), response);
	}
}
