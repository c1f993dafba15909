package eu.eccp.reporting.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.reporting.CrimeKind;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.reporting.internal.ImportJob;
import eu.eccp.reporting.internal.ReportDraft;
import eu.eccp.reporting.internal.ReportImports;
import eu.eccp.reporting.internal.ReportInbox;
import eu.eccp.reporting.internal.ReportIntake;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.TooManyRequestsException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Uploads;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The reports pages for signed-in people: the analysts' inbox and triage, an organisation's own
 * submissions, submitting a report for the organisation, and bulk upload with progress.
 */
@Controller
@RequestMapping("/reports")
class ReportsController {

	private final ReportInbox inbox;
	private final ReportIntake intake;
	private final ReportImports imports;

	ReportsController(ReportInbox inbox, ReportIntake intake, ReportImports imports) {
		this.inbox = inbox;
		this.intake = intake;
		this.imports = imports;
	}

	@ModelAttribute
	void choices(Model model, Locale locale) {
		model.addAttribute("kinds", CrimeKind.values());
		model.addAttribute("offences", Offence.values());
		model.addAttribute("statuses", ReportStatus.values());
		model.addAttribute("offencesByKind", TaxonomyModel.offencesByKind());
		model.addAttribute("undetermined", Offence.UNDETERMINED);
		model.addAttribute("countries", TaxonomyModel.countries());
		model.addAttribute("countryNames", TaxonomyModel.countryNames(locale));
		model.addAttribute("languageNames", TaxonomyModel.languageNames());
		model.addAttribute("tlpLabels", TaxonomyModel.tlpLabels());
		model.addAttribute("currencies", TaxonomyModel.CURRENCIES);
		model.addAttribute("fieldLimits", TaxonomyModel.FIELD_LIMITS);
	}

	@GetMapping
	String inbox(InboxFilterParams filter, @RequestParam(defaultValue = "0") int page, Model model,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpServletResponse response) {
		return list("inbox", filter, page, model, htmx, response);
	}

	@GetMapping("/submitted")
	String submitted(InboxFilterParams filter, @RequestParam(defaultValue = "0") int page, Model model,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpServletResponse response) {
		return list("submitted", filter, page, model, htmx, response);
	}

	private String list(String view, InboxFilterParams filter, int page, Model model, @Nullable String htmx,
			HttpServletResponse response) {
		CallerContext me = CallerContext.require();
		model.addAttribute("view", view);
		model.addAttribute("filter", filter);
		PageRequest request = new PageRequest(Math.max(page, 0), 50);
		try {
			model.addAttribute("reports", view.equals("inbox") ? inbox.inbox(me, filter.toFilter(), request)
					: inbox.submitted(me, filter.toFilter(), request));
			model.addAttribute("errors", Map.of());
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("reports", new Page<>(java.util.List.of(), 0, 50, 0));
			model.addAttribute("errors", e.fieldErrors());
		}
		return htmx != null ? "reports/inbox :: results" : "reports/inbox";
	}

	@GetMapping("/{id}")
	String report(@PathVariable UUID id, Model model) {
		model.addAttribute("detail", inbox.detail(CallerContext.require(), new ReportId(id), false));
		model.addAttribute("errors", Map.of());
		return "reports/report";
	}

	/** The analyst asks to see the reporter's contact details: shown on this answer only, and audited. */
	@PostMapping("/{id}/contact")
	String reportWithContact(@PathVariable UUID id, Model model) {
		model.addAttribute("detail", inbox.detail(CallerContext.require(), new ReportId(id), true));
		model.addAttribute("errors", Map.of());
		return "reports/report";
	}

	@PostMapping("/{id}/status")
	String changeStatus(@PathVariable UUID id, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			inbox.changeStatus(CallerContext.require(), new ReportId(id), status, reason);
			redirect.addFlashAttribute("notice", "reports.statusChanged");
			return "redirect:/reports/" + id;
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("typed", Map.of("reason", reason == null ? "" : reason));
			return redisplay(id, model, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return redisplay(id, model, Map.of("status", "validation.transition"));
		}
	}

	@PostMapping("/{id}/assignee")
	String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable String assignee, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			UUID person = assignee == null || assignee.isBlank() ? null : UUID.fromString(assignee);
			inbox.assign(CallerContext.require(), new ReportId(id), person);
			redirect.addFlashAttribute("notice", "reports.assigned");
			return "redirect:/reports/" + id;
		}
		catch (IllegalArgumentException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return redisplay(id, model, Map.of("assignee", "validation.assignee"));
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return redisplay(id, model, e.fieldErrors());
		}
	}

	private String redisplay(UUID id, Model model, Map<String, String> errors) {
		model.addAttribute("detail", inbox.detail(CallerContext.require(), new ReportId(id), false));
		model.addAttribute("errors", errors);
		return "reports/report";
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		return ReportDownloads.attachment(inbox.download(CallerContext.require(), new ReportId(id), attachmentId));
	}

	@GetMapping("/new")
	String newReport(Model model, Locale locale) {
		model.addAttribute("draft", ReportForms.empty(locale));
		model.addAttribute("errors", Map.of());
		model.addAttribute("action", "/reports/new");
		model.addAttribute("organisationMode", true);
		return "report/form";
	}

	@PostMapping("/new")
	String submit(ReportDraft draft, @RequestParam(name = "attachments", required = false) MultipartFile @Nullable [] attachments,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			ReportIntake.OrganisationReceipt receipt = intake.submitForOrganisation(CallerContext.require(), draft, null,
					Uploads.of(attachments));
			redirect.addFlashAttribute("notice", receipt.replayed() ? "reports.alreadySubmitted" : "reports.submitted");
			return "redirect:/reports/" + receipt.report().id();
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("draft", draft);
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("action", "/reports/new");
			model.addAttribute("organisationMode", true);
			return "report/form";
		}
	}

	@GetMapping("/bulk")
	String bulk(Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("columns", ReportImports.CSV_COLUMNS);
		return "reports/bulk";
	}

	@PostMapping("/bulk")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		CallerContext me = CallerContext.require();
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidRequestException("file", "validation.bulkFile");
			}
			try (InputStream body = file.getInputStream()) {
				ImportJob job = imports.start(me, ReportImports.format(file.getContentType(), file.getOriginalFilename()),
						file.getOriginalFilename(), body);
				return "redirect:/reports/bulk/" + job.id();
			}
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("columns", ReportImports.CSV_COLUMNS);
			return "reports/bulk";
		}
		catch (TooManyRequestsException e) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("errors", Map.of("file", "validation.importsBusy"));
			model.addAttribute("columns", ReportImports.CSV_COLUMNS);
			return "reports/bulk";
		}
	}

	@GetMapping("/bulk/{jobId}")
	String job(@PathVariable UUID jobId, Model model,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
		CallerContext me = CallerContext.require();
		model.addAttribute("job", imports.status(me, jobId));
		model.addAttribute("rejections", imports.rejections(me, jobId, new PageRequest(0, 200)));
		return htmx != null ? "reports/job :: progress" : "reports/job";
	}
}
