package eu.eccp.training.web;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.training.internal.NeedDraft;
import eu.eccp.training.internal.Priority;
import eu.eccp.training.internal.TrainingNeeds;
import jakarta.servlet.http.HttpServletResponse;

/** A national unit's training needs, and the coordinators' coverage of needs by offers. */
@Controller
class NeedsController {

	private final TrainingNeeds needs;

	NeedsController(TrainingNeeds needs) {
		this.needs = needs;
	}

	@GetMapping("/training/needs")
	String needs(@RequestParam(required = false) @Nullable Integer year, Model model) {
		return page(CallerContext.require(), year(year), new NeedDraft(year(year), null, null, null, "MEDIUM"), Map.of(), model);
	}

	@PostMapping("/training/needs")
	String record(@RequestParam(required = false) @Nullable String year, @RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String level, @RequestParam(required = false) @Nullable String officials,
			@RequestParam(required = false) @Nullable String priority, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CallerContext me = CallerContext.require();
		NeedDraft draft = new NeedDraft(number(year), role, level, number(officials), priority);
		try {
			needs.record(me, draft);
			redirect.addFlashAttribute("notice", "training.notice.needRecorded");
			return "redirect:/training/needs?year=" + draft.year();
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, draft.year() == null ? needs.currentYear() : draft.year(), draft, e.fieldErrors(), model);
		}
	}

	@PostMapping("/training/needs/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year, RedirectAttributes redirect) {
		needs.delete(CallerContext.require(), id);
		redirect.addFlashAttribute("notice", "training.notice.needDeleted");
		return "redirect:/training/needs?year=" + year(year);
	}

	@GetMapping("/training/coverage")
	String coverage(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int shown = year(year);
		model.addAttribute("coverage", needs.coverage(CallerContext.require(), shown));
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(needs.currentYear() - 1, needs.currentYear() + 3)
			.boxed().toList());
		return "training/coverage";
	}

	private String page(CallerContext me, int year, NeedDraft form, Map<String, String> errors, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(needs.currentYear() - 1, needs.currentYear() + 5)
			.boxed().toList());
		model.addAttribute("needs", needs.ours(me, year));
		model.addAttribute("mayRecord", needs.mayRecord(me));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("priorities", Priority.values());
		CoursesController.options(model);
		return "training/needs";
	}

	private int year(@Nullable Integer year) {
		int now = needs.currentYear();
		return year == null || year < now - 10 || year > now + 10 ? now : year;
	}

	private static @Nullable Integer number(@Nullable String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}
}
