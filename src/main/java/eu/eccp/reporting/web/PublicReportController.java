package eu.eccp.reporting.web;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import eu.eccp.reporting.Offence;
import eu.eccp.reporting.internal.ReportDraft;
import eu.eccp.reporting.internal.ReportIntake;
import eu.eccp.reporting.internal.ReporterStatus;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.TooManyRequestsException;
import eu.eccp.shared.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public reporting pages, no account needed: the guided form at {@code /report}, the receipt with the
 * reference and status token, and {@code /report/status} to follow a report and add information.
 */
@Controller
@RequestMapping("/report")
class PublicReportController {

	private final ReportIntake intake;
	private final ReporterStatus status;

	PublicReportController(ReportIntake intake, ReporterStatus status) {
		this.intake = intake;
		this.status = status;
	}

	@ModelAttribute
	void choices(Model model, Locale locale) {
		model.addAttribute("offencesByKind", TaxonomyModel.offencesByKind());
		model.addAttribute("undetermined", Offence.UNDETERMINED);
		model.addAttribute("countries", TaxonomyModel.countries());
		model.addAttribute("countryNames", TaxonomyModel.countryNames(locale));
		model.addAttribute("languageNames", TaxonomyModel.languageNames());
		model.addAttribute("tlpLabels", TaxonomyModel.tlpLabels());
		model.addAttribute("currencies", TaxonomyModel.CURRENCIES);
		model.addAttribute("fieldLimits", TaxonomyModel.FIELD_LIMITS);
		model.addAttribute("mailReceipts", intake.canEmailReceipts());
	}

	@GetMapping
	String form(Model model, Locale locale) {
		model.addAttribute("draft", ReportForms.empty(locale));
		model.addAttribute("errors", Map.of());
		model.addAttribute("action", "/report");
		return "report/form";
	}

	@PostMapping
	String submit(ReportDraft draft, @RequestParam(name = "attachments", required = false) MultipartFile @Nullable [] attachments,
			Model model, HttpServletRequest request, HttpServletResponse response,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			ReportIntake.PublicReceipt receipt = intake.submitPublic(draft,
					Uploads.of(attachments), "PUBLIC_WEB", request.getRemoteAddr());
			// post/redirect/get: the receipt travels once, in the session's flash map (never in an address),
			// so that reloading the page does not send the report again
			redirect.addFlashAttribute("receipt", receipt);
			redirect.addFlashAttribute("emailed", Boolean.TRUE.equals(draft.emailReceipt()) && intake.canEmailReceipts());
			return "redirect:/report/submitted";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("draft", draft);
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("action", "/report");
			return "report/form";
		}
		catch (TooManyRequestsException e) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("draft", draft);
			model.addAttribute("errors", Map.of("form", e.messageKey()));
			model.addAttribute("action", "/report");
			return "report/form";
		}
	}

	/** The receipt, shown once after the redirect; later (a reload, a bookmark) the way to follow the report. */
	@GetMapping("/submitted")
	String submitted(Model model, HttpServletResponse response) {
		if (!model.containsAttribute("receipt")) {
			return "redirect:/report/status";
		}
		response.setHeader("Cache-Control", "no-store");
		ReportIntake.PublicReceipt receipt = (ReportIntake.PublicReceipt) model.getAttribute("receipt");
		model.addAttribute("followUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/report/status").queryParam("reference", receipt.reference()).toUriString());
		return "report/submitted";
	}

	/** The follow-up form, with the reference filled in when the receipt page links to it. */
	@GetMapping("/status")
	String lookup(@RequestParam(required = false) @Nullable String reference, Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("reference", reference == null ? null : reference.strip().toUpperCase(java.util.Locale.ROOT));
		return "report/status-lookup";
	}

	@PostMapping("/status")
	String status(@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String token,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		return show(model, response, reference, token, request.getRemoteAddr(),
				() -> status.view(reference, token, request.getRemoteAddr()), null);
	}

	@PostMapping("/status/information")
	String addInformation(@RequestParam(defaultValue = "") String reference,
			@RequestParam(defaultValue = "") String token, @RequestParam(required = false) @Nullable String text,
			@RequestParam(name = "attachments", required = false) MultipartFile @Nullable [] attachments, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("typed", text == null ? Map.of() : Map.of("text", text));
		return show(model, response, reference, token, request.getRemoteAddr(), () -> status.addInformation(reference, token,
				request.getRemoteAddr(), text, Uploads.of(attachments)), "report.status.added");
	}

	private String show(Model model, HttpServletResponse response, String reference, String token, String client,
			java.util.function.Supplier<ReporterStatus.ReporterView> action, @Nullable String notice) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("reference", reference);
		try {
			model.addAttribute("view", action.get());
			model.addAttribute("token", token);
			model.addAttribute("notice", notice);
			model.addAttribute("errors", Map.of());
			return "report/status";
		}
		catch (RecordNotFoundException e) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("errors", Map.of("form", "report.status.notFound"));
			return "report/status-lookup";
		}
		catch (TooManyRequestsException e) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("errors", Map.of("form", e.messageKey()));
			return "report/status-lookup";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("view", status.view(reference, token, client));
			model.addAttribute("token", token);
			model.addAttribute("errors", e.fieldErrors());
			return "report/status";
		}
	}
}
