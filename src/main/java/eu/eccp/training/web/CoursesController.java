package eu.eccp.training.web;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Role;
import eu.eccp.training.CourseId;
import eu.eccp.training.internal.Audience;
import eu.eccp.training.internal.Catalogue;
import eu.eccp.training.internal.CompetencyRole;
import eu.eccp.training.internal.Course;
import eu.eccp.training.internal.CourseDraft;
import eu.eccp.training.internal.CourseFilter;
import eu.eccp.training.internal.CourseFormat;
import eu.eccp.training.internal.Level;
import jakarta.servlet.http.HttpServletResponse;

/** The catalogue's pages: search, a course, the organiser's form, and the coordinators' likely duplicates. */
@Controller
class CoursesController {

	static final int PAGE_SIZE = 25;

	private final Catalogue catalogue;
	private final CoursePage coursePage;

	CoursesController(Catalogue catalogue, CoursePage coursePage) {
		this.catalogue = catalogue;
		this.coursePage = coursePage;
	}

	@GetMapping("/training")
	String search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String level, @RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String audience, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "false") boolean past,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable Integer page,
			Model model) {
		CallerContext me = CallerContext.require();
		CourseFilter filter = CourseFilter.of(q, role, level, language, format, audience, from, to, past, mine);
		model.addAttribute("courses", catalogue.search(me, filter, PageRequest.forPage(page, PAGE_SIZE)));
		model.addAttribute("filter", filter);
		model.addAttribute("reader", LocaleContextHolder.getLocale().getLanguage());
		options(model);
		return "training/courses";
	}

	@GetMapping("/training/courses/new")
	String newCourse(Model model) {
		CallerContext.require().requireAny(Role.TRAINER);
		return form(model, CourseDraft.empty(), null, Map.of());
	}

	@PostMapping("/training/courses")
	String create(@RequestParam Map<String, String> single,
			@RequestParam(required = false) String @Nullable [] textLanguage,
			@RequestParam(required = false) String @Nullable [] textTitle,
			@RequestParam(required = false) String @Nullable [] textDescription,
			@RequestParam(required = false) String @Nullable [] languages,
			@RequestParam(required = false) String @Nullable [] audiences, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CourseDraft draft = CourseForm.draft(single, textLanguage, textTitle, textDescription, languages, audiences);
		try {
			Course course = catalogue.draft(CallerContext.require(), draft);
			redirect.addFlashAttribute("notice", "training.notice.drafted");
			return "redirect:/training/courses/" + course.id();
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, draft, null, e.fieldErrors());
		}
	}

	@GetMapping("/training/courses/{id}")
	String course(@PathVariable UUID id, Model model) {
		return coursePage.show(CallerContext.require(), new CourseId(id), model);
	}

	@GetMapping("/training/courses/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		CallerContext me = CallerContext.require();
		Course course = catalogue.course(me, new CourseId(id));
		if (!Catalogue.isOrganiser(me, course)) {
			throw new org.springframework.security.access.AccessDeniedException("not the organiser");
		}
		return form(model, course.details().toDraft(), course, Map.of());
	}

	@PostMapping("/training/courses/{id}")
	String update(@PathVariable UUID id, @RequestParam Map<String, String> single,
			@RequestParam(required = false) String @Nullable [] textLanguage,
			@RequestParam(required = false) String @Nullable [] textTitle,
			@RequestParam(required = false) String @Nullable [] textDescription,
			@RequestParam(required = false) String @Nullable [] languages,
			@RequestParam(required = false) String @Nullable [] audiences, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CallerContext me = CallerContext.require();
		CourseDraft draft = CourseForm.draft(single, textLanguage, textTitle, textDescription, languages, audiences);
		try {
			catalogue.update(me, new CourseId(id), draft);
			redirect.addFlashAttribute("notice", "training.notice.updated");
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, draft, catalogue.course(me, new CourseId(id)), e.fieldErrors());
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("failure", "training.error.cancelled");
		}
		return "redirect:/training/courses/" + id;
	}

	@PostMapping("/training/courses/{id}/publish")
	String publish(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "training.notice.published", () -> catalogue.publish(CallerContext.require(), new CourseId(id)));
	}

	@PostMapping("/training/courses/{id}/cancel")
	String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "training.notice.cancelled", () -> catalogue.cancel(CallerContext.require(), new CourseId(id)));
	}

	@GetMapping("/training/duplicates")
	String duplicates(@RequestParam(required = false) @Nullable Integer page, Model model) {
		model.addAttribute("duplicates", catalogue.likelyDuplicates(CallerContext.require(), PageRequest.forPage(page, PAGE_SIZE)));
		model.addAttribute("reader", LocaleContextHolder.getLocale().getLanguage());
		return "training/duplicates";
	}

	static String act(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("failure", "training.error.conflict");
		}
		catch (InvalidRequestException e) {
			redirect.addFlashAttribute("failure", e.fieldErrors().values().iterator().next());
		}
		return "redirect:/training/courses/" + id;
	}

	private String form(Model model, CourseDraft draft, @Nullable Course course, Map<String, String> errors) {
		model.addAttribute("form", draft);
		model.addAttribute("textRows", CourseForm.rows(draft));
		model.addAttribute("levels", draft.roles() == null ? Map.of() : draft.roles().stream()
			.filter(r -> r.role() != null && r.level() != null)
			.collect(java.util.stream.Collectors.toMap(r -> r.role(), r -> r.level(), (a, b) -> a)));
		model.addAttribute("course", course);
		model.addAttribute("errors", errors);
		model.addAttribute("timeZones", CourseForm.TIME_ZONES);
		options(model);
		return "training/form";
	}

	static void options(Model model) {
		model.addAttribute("roles", CompetencyRole.values());
		model.addAttribute("levelValues", Level.values());
		model.addAttribute("formats", CourseFormat.values());
		model.addAttribute("audienceValues", Audience.values());
		model.addAttribute("languageCodes", CourseForm.LANGUAGES);
	}
}
