package eu.eccp.takedown.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.takedown.internal.TimeToRemoval;
import jakarta.servlet.http.HttpServletResponse;

/** Time to removal: the page with the three groupings, the JSON and the CSV export. */
@Controller
class TimeToRemovalController {

	private final TimeToRemoval statistics;

	TimeToRemovalController(TimeToRemoval statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/takedown/statistics")
	String page(Model model) {
		CallerContext caller = CallerContext.require();
		Map<TimeToRemoval.Grouping, List<TimeToRemoval.Row>> tables = new LinkedHashMap<>();
		for (TimeToRemoval.Grouping grouping : TimeToRemoval.Grouping.values()) {
			tables.put(grouping, statistics.by(caller, grouping));
		}
		model.addAttribute("tables", tables);
		return "takedown/statistics";
	}

	@GetMapping("/takedown/statistics.csv")
	void csvPage(@RequestParam(required = false) @Nullable String by, HttpServletResponse response) throws IOException {
		TimeToRemoval.Grouping grouping;
		try {
			grouping = TimeToRemoval.Grouping.parse(by);
		}
		catch (InvalidRequestException e) {
			response.sendError(HttpStatus.BAD_REQUEST.value()); // the platform's own error page
			return;
		}
		TimeToRemovalCsv.write(statistics, grouping, response);
	}
}
