package eu.eccp.blocklist.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.blocklist.ProposedEntry;
import eu.eccp.blocklist.internal.BlockListEntries;
import eu.eccp.blocklist.internal.ReviewRequests;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Role;

/**
 * {@code /blocklist}: the proposal form (hotline analysts, coordinators, block-list officers) and the entries
 * the caller may see, with approval, rejection and withdrawal for block-list officers.
 */
@Controller
@RequestMapping("/blocklist")
class BlockListController {

	private final BlockListEntries entries;
	private final ReviewRequests reviews;

	BlockListController(BlockListEntries entries, ReviewRequests reviews) {
		this.entries = entries;
		this.reviews = reviews;
	}

	/** The proposal form's fields as typed. */
	record ProposalForm(@Nullable String url, @Nullable String category, @Nullable String illegalIn,
			@Nullable String reasonCode, @Nullable String stopEn, @Nullable String stopFr, @Nullable String stopDe,
			@Nullable Boolean dedicatedHost, @Nullable String sourceItem) {

		static ProposalForm empty() {
			return new ProposalForm("", "CSAM", "", "HOSTED_OUTSIDE_EU", "", "", "", false, "");
		}

		ProposedEntry toEntry() {
			Set<String> countries = new LinkedHashSet<>();
			if (illegalIn != null) {
				Arrays.stream(illegalIn.split("[,\\s]+")).filter(c -> !c.isBlank()).forEach(countries::add);
			}
			return new ProposedEntry(sourceItem == null || sourceItem.isBlank() ? null : sourceItem, url == null ? "" : url,
					category, countries, reasonCode, new ProposedEntry.StopPage(stopEn, stopFr, stopDe), Boolean.TRUE.equals(dedicatedHost));
		}
	}

	@GetMapping
	String page(Model model) {
		return render(model, ProposalForm.empty(), Map.of());
	}

	private String render(Model model, ProposalForm form, Map<String, String> errors) {
		CallerContext caller = CallerContext.require();
		model.addAttribute("entries", entries.list(caller, null, 200, 0));
		boolean officer = caller.has(Role.BLOCKLIST_OFFICER);
		model.addAttribute("officer", officer);
		model.addAttribute("reviews", officer ? reviews.list(caller, false) : java.util.List.of());
		model.addAttribute("outcomes", ReviewRequests.Outcome.values());
		if (!model.containsAttribute("reviewErrors")) {
			model.addAttribute("reviewErrors", Map.of());
			model.addAttribute("answeredReview", null);
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", formFields(errors));
		return "blocklist/entries";
	}

	/** The errors under the form's field names (the API's stopPage.en is the form's stopEn), so each shows at its field. */
	private static Map<String, String> formFields(Map<String, String> errors) {
		Map<String, String> named = new java.util.LinkedHashMap<>();
		errors.forEach((field, code) -> named.put(switch (field) {
			case "stopPage.en" -> "stopEn";
			case "stopPage.fr" -> "stopFr";
			case "stopPage.de" -> "stopDe";
			default -> field;
		}, code));
		return named;
	}

	@PostMapping("/entries")
	String propose(ProposalForm form, Model model, RedirectAttributes redirect) {
		try {
			entries.propose(CallerContext.require(), form.toEntry());
		}
		catch (InvalidRequestException e) {
			return render(model, form, e.fieldErrors());
		}
		catch (ConflictException e) {
			return render(model, form, Map.of("url", "blocklist.error.duplicate"));
		}
		redirect.addFlashAttribute("notice", "blocklist.notice.proposed");
		return "redirect:/blocklist";
	}

	/** A block-list officer answers a site owner's review request: the block is upheld, or the entry withdrawn. */
	@PostMapping("/reviews/{id}/answer")
	String answerReview(@PathVariable UUID id, @RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String answer, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		ReviewRequests.Outcome chosen = null;
		for (ReviewRequests.Outcome o : ReviewRequests.Outcome.values()) {
			if (o.name().equals(outcome)) {
				chosen = o;
			}
		}
		try {
			reviews.answer(CallerContext.require(), id, chosen, answer);
		}
		catch (InvalidRequestException e) {
			response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("reviewErrors", e.fieldErrors());
			model.addAttribute("answeredReview", id);
			model.addAttribute("reviewAnswer", answer);
			return render(model, ProposalForm.empty(), Map.of());
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("notice", "blocklist.notice.changed");
			return "redirect:/blocklist#reviews";
		}
		redirect.addFlashAttribute("notice", chosen == ReviewRequests.Outcome.WITHDRAWN ? "blocklist.notice.reviewWithdrawn"
				: "blocklist.notice.reviewUpheld");
		return "redirect:/blocklist#reviews";
	}

	@PostMapping("/entries/{id}/{action:approval|rejection|withdrawal}")
	String decide(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		CallerContext caller = CallerContext.require();
		try {
			switch (action) {
				case "approval" -> entries.approve(caller, id);
				case "rejection" -> entries.reject(caller, id, reason);
				default -> entries.withdraw(caller, id, reason);
			}
			redirect.addFlashAttribute("notice", "blocklist.notice." + action);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("notice", "blocklist.notice.changed");
		}
		return "redirect:/blocklist";
	}
}
