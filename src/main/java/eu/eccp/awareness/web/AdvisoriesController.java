package eu.eccp.awareness.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.awareness.AdvisoryId;
import eu.eccp.awareness.internal.Advisory;
import eu.eccp.awareness.internal.AdvisoryDesk;
import eu.eccp.awareness.internal.AdvisoryLanguage;
import eu.eccp.awareness.internal.AdvisoryStateException;
import eu.eccp.awareness.internal.AdvisoryStatus;
import eu.eccp.awareness.internal.SuggestionDesk;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.UserId;
import jakarta.servlet.http.HttpServletResponse;

/** The authors' pages: advisories and suggestions, writing, review (four-eyes), publication, withdrawal. */
@Controller
class AdvisoriesController {

	private final AdvisoryDesk desk;
	private final SuggestionDesk suggestions;
	private final People people;

	AdvisoriesController(AdvisoryDesk desk, SuggestionDesk suggestions, People people) {
		this.desk = desk;
		this.suggestions = suggestions;
		this.people = people;
	}

	@GetMapping("/awareness")
	String list(@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable Integer page,
			Model model) {
		CallerContext me = desk.requireAuthor(CallerContext.require());
		AdvisoryStatus filter = null;
		for (AdvisoryStatus s : AdvisoryStatus.values()) {
			if (s.name().equals(status)) {
				filter = s;
			}
		}
		model.addAttribute("advisories", desk.list(me, filter, PageRequest.forPage(page, 50)));
		model.addAttribute("suggestions", suggestions.open(me));
		model.addAttribute("statuses", AdvisoryStatus.values());
		model.addAttribute("status", filter == null ? "" : filter.name());
		return "awareness/list";
	}

	@GetMapping("/awareness/new")
	String newForm(@RequestParam(required = false) @Nullable UUID suggestion, Model model) {
		CallerContext me = desk.requireAuthor(CallerContext.require());
		AdvisoryForm form = AdvisoryForm.empty();
		if (suggestion != null) {
			var found = suggestions.find(me, suggestion);
			if (found.isPresent()) {
				form = AdvisoryForm.from(found.get());
				model.addAttribute("suggestion", found.get());
			}
		}
		model.addAttribute("form", form);
		return formPage(model, null, Map.of());
	}

	@PostMapping("/awareness")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		AdvisoryForm form = AdvisoryForm.from(params);
		try {
			Advisory created = desk.create(CallerContext.require(), form.draft());
			redirect.addFlashAttribute("notice", "awareness.notice.created");
			return "redirect:/awareness/" + created.id();
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("form", form);
			return formPage(model, null, e.fieldErrors());
		}
	}

	@GetMapping("/awareness/{id}/edit")
	String editForm(@PathVariable UUID id, Model model) {
		Advisory advisory = desk.find(CallerContext.require(), new AdvisoryId(id));
		model.addAttribute("form", AdvisoryForm.from(advisory));
		return formPage(model, advisory, Map.of());
	}

	@PostMapping("/awareness/{id}")
	String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		AdvisoryForm form = AdvisoryForm.from(params);
		CallerContext me = CallerContext.require();
		try {
			desk.update(me, new AdvisoryId(id), form.draft());
			redirect.addFlashAttribute("notice", "awareness.notice.saved");
			return "redirect:/awareness/" + id;
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("form", form);
			return formPage(model, desk.find(me, new AdvisoryId(id)), e.fieldErrors());
		}
		catch (AdvisoryStateException e) {
			redirect.addFlashAttribute("conflict", e.messageKey());
			return "redirect:/awareness/" + id;
		}
	}

	private String formPage(Model model, @Nullable Advisory advisory, Map<String, String> errors) {
		model.addAttribute("advisory", advisory);
		model.addAttribute("errors", errors);
		model.addAttribute("offences", Offence.values());
		model.addAttribute("countries", new TreeSet<>(CountryCode.EU_MEMBER_STATES));
		model.addAttribute("languages", AdvisoryLanguage.values());
		model.addAttribute("fields", AdvisoryForm.FIELDS);
		return "awareness/form";
	}

	@GetMapping("/awareness/{id}")
	String show(@PathVariable UUID id, Model model) {
		CallerContext me = CallerContext.require();
		Advisory advisory = desk.find(me, new AdvisoryId(id));
		model.addAttribute("advisory", advisory);
		model.addAttribute("texts", java.util.Arrays.stream(AdvisoryLanguage.values()).map(l -> advisory.texts().get(l))
			.filter(t -> t != null).toList());
		model.addAttribute("mayApprove", advisory.mayBeApprovedBy(me.userId()));
		Map<UserId, String> names = new HashMap<>();
		for (UserId user : java.util.stream.Stream.of(advisory.author(), advisory.lastEditor(), advisory.submittedBy(),
				advisory.approvedBy()).filter(u -> u != null).toList()) {
			names.put(user, people.find(user).map(PersonView::displayName).orElse("—"));
		}
		model.addAttribute("names", names);
		return "awareness/advisory";
	}

	@PostMapping("/awareness/{id}/submission")
	String submit(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "awareness.notice.submitted", () -> desk.submit(CallerContext.require(), new AdvisoryId(id)));
	}

	@PostMapping("/awareness/{id}/approval")
	String approve(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "awareness.notice.approved", () -> desk.approve(CallerContext.require(), new AdvisoryId(id)));
	}

	@PostMapping("/awareness/{id}/return")
	String sendBack(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "awareness.notice.sentBack", () -> desk.sendBack(CallerContext.require(), new AdvisoryId(id)));
	}

	@PostMapping("/awareness/{id}/withdrawal")
	String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "awareness.notice.withdrawn", () -> desk.withdraw(CallerContext.require(), new AdvisoryId(id)));
	}

	@PostMapping("/awareness/suggestions/{id}/dismissal")
	String dismiss(@PathVariable UUID id, RedirectAttributes redirect) {
		suggestions.dismiss(CallerContext.require(), id);
		redirect.addFlashAttribute("notice", "awareness.notice.dismissed");
		return "redirect:/awareness";
	}

	private static String act(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (AdvisoryStateException e) {
			redirect.addFlashAttribute("conflict", e.messageKey());
		}
		return "redirect:/awareness/" + id;
	}

}
