package eu.eccp.platform.web;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import eu.eccp.platform.internal.EventReplay;
import eu.eccp.reporting.ReportProcessingBacklog;
import eu.eccp.reporting.Reports;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * What the platform still has to do in the background, for the operator's administrators: reports waiting for
 * extraction and correlation and module events not yet handled, with the ones that keep failing (they are
 * retried until they succeed; a growing number here needs a look at the log).
 */
@Controller
class BackgroundWorkController {

	private final Reports reports;
	private final EventReplay events;

	BackgroundWorkController(Reports reports, EventReplay events) {
		this.reports = reports;
		this.events = events;
	}

	/** Waiting and failing work. */
	record BackgroundWork(ReportProcessingBacklog reports, EventReplay.EventBacklog events) {
	}

	@GetMapping("/admin/background")
	String page(Model model) {
		model.addAttribute("work", work());
		return "admin/background";
	}

	@GetMapping(path = "/api/v1/admin/background-work", produces = "application/json")
	@ResponseBody
	BackgroundWork api() {
		return work();
	}

	private BackgroundWork work() {
		if (!CallerContext.require().actsPlatformWideAs(Role.ADMIN)) {
			// organisation administrators manage their own organisation, not the platform
			throw new RecordNotFoundException("page");
		}
		return new BackgroundWork(reports.processingBacklog(), events.backlog());
	}

}
