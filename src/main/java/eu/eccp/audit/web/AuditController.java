package eu.eccp.audit.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.eccp.audit.internal.AuditLog;
import eu.eccp.audit.internal.AuditQuery;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;

/** The auditor's view of the audit trail, with filters, and the chain verification. */
@Controller
@RequestMapping("/audit")
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	String entries(AuditFilter filter, @RequestParam(defaultValue = "0") int page, Model model,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
		model.addAttribute("filter", filter);
		try {
			AuditQuery query = filter.toQuery();
			model.addAttribute("entries", log.search(CallerContext.require(), query, new PageRequest(Math.max(0, page), 50)));
			model.addAttribute("errors", Map.of());
		}
		catch (InvalidRequestException e) {
			model.addAttribute("entries", new Page<>(java.util.List.of(), 0, 50, 0));
			model.addAttribute("errors", e.fieldErrors());
		}
		return htmx != null ? "audit/entries :: results" : "audit/entries";
	}

	@PostMapping("/verification")
	String verify(Model model) {
		CallerContext.require().requireAny(eu.eccp.shared.Role.AUDITOR);
		model.addAttribute("verification", log.verify());
		return "audit/verification";
	}
}
