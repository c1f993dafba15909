package eu.eccp.takedown.web;

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
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.PageRequest;
import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.internal.Assessment;
import eu.eccp.takedown.internal.AssessmentDraft;
import eu.eccp.takedown.internal.BlockListProposing;
import eu.eccp.takedown.internal.Assessments;
import eu.eccp.takedown.internal.ContentCategory;
import eu.eccp.takedown.internal.Forwarding;
import eu.eccp.takedown.internal.Hosting;
import eu.eccp.takedown.internal.HostingDraft;
import eu.eccp.takedown.internal.ItemPreservations;
import eu.eccp.takedown.internal.ItemStatus;
import eu.eccp.takedown.internal.ItemViews;
import eu.eccp.takedown.internal.LegalityMatrix;
import eu.eccp.takedown.internal.NoticeDraft;
import eu.eccp.takedown.internal.Notices;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The hotline analysts' pages: their items, an item's page (the address defanged and never a link, where its
 * category is illegal, the assessment form, four-eyes confirmation, the shared timeline), and the legality
 * matrix, which coordinators edit.
 */
@Controller
class TakedownController {

	private final ItemViews views;
	private final Assessments assessments;
	private final LegalityMatrix matrix;
	private final Hosting hosting;
	private final Forwarding forwarding;
	private final Notices notices;
	private final BlockListProposing blockList;
	private final ItemPreservations preservations;

	TakedownController(ItemViews views, Assessments assessments, LegalityMatrix matrix, Hosting hosting,
			Forwarding forwarding, Notices notices, BlockListProposing blockList, ItemPreservations preservations) {
		this.preservations = preservations;
		this.notices = notices;
		this.blockList = blockList;
		this.views = views;
		this.assessments = assessments;
		this.matrix = matrix;
		this.hosting = hosting;
		this.forwarding = forwarding;
	}

	@PostMapping("/takedown/items/{id}/hosting")
	String recordHosting(@PathVariable UUID id, HostingDraft draft, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			hosting.record(CallerContext.require(), new ItemId(id), draft);
			return done(redirect, id, "located", "takedown.hosting.saved", null);
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("hostingDraft", draft);
			return show(new ItemId(id), model, e.fieldErrors(), null, null);
		}
	}

	@PostMapping("/takedown/items/{id}/notices")
	String sendNotice(@PathVariable UUID id, NoticeDraft draft, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			notices.send(CallerContext.require(), new ItemId(id), draft);
			return done(redirect, id, "notice-sent", "takedown.notice.sentNotice", null);
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("noticeDraft", draft);
			return show(new ItemId(id), model, e.fieldErrors(), null, null);
		}
		catch (ConflictException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("noticeDraft", draft);
			return show(new ItemId(id), model, Map.of(), null, "takedown.problem.notice");
		}
	}

	@PostMapping("/takedown/items/{id}/forward")
	String forward(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Forwarding.Outcome outcome = forwarding.forward(CallerContext.require(), new ItemId(id));
			// the banner says what was done; the page's standing warning says why (hosted outside the EU, no partner)
			return outcome.blockListCandidate()
					? done(redirect, id, "block-list-candidate", "takedown.event.BLOCK_LIST_CANDIDATE", null)
					: done(redirect, id, "forwarded", "takedown.forward.done", null);
		}
		catch (ConflictException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return show(new ItemId(id), model, Map.of(), null, "takedown.problem.forward");
		}
	}

	@PostMapping("/takedown/items/{id}/block-list-proposal")
	String proposeForBlockList(@PathVariable UUID id, BlockListProposing.ProposalDraft draft, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			blockList.propose(CallerContext.require(), new ItemId(id), draft);
			return done(redirect, id, "block-list-proposed", "takedown.blocklist.proposedNotice", null);
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("blockListDraft", draft);
			// the block list names the stop page's fields stopPage.en, .fr, .de; the form stopPageEn, Fr, De
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			e.fieldErrors().forEach((field, key) -> errors.put(switch (field) {
				case "stopPage.en" -> "stopPageEn";
				case "stopPage.fr" -> "stopPageFr";
				case "stopPage.de" -> "stopPageDe";
				default -> field;
			}, key));
			return show(new ItemId(id), model, errors, null, null);
		}
		catch (ConflictException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("blockListDraft", draft);
			return show(new ItemId(id), model, Map.of(), null, "takedown.blocklist.problem.conflict");
		}
	}

	@PostMapping("/takedown/items/{id}/preservation")
	String requestPreservation(@PathVariable UUID id, ItemPreservations.PreservationDraft draft, Model model,
			HttpServletResponse response, java.util.Locale locale, RedirectAttributes redirect) {
		try {
			ItemPreservations.Preservation sent = preservations.request(CallerContext.require(), new ItemId(id), draft, locale);
			return done(redirect, id, "preservation-sent", "takedown.preservation.sentNotice", sent.reference());
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("preservationDraft", draft);
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			e.fieldErrors().forEach((field, key) -> errors.put(field.equals("facts") || field.equals("necessity")
					? field : "preservation", key));
			return show(new ItemId(id), model, errors, null, null);
		}
		catch (ConflictException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("preservationDraft", draft);
			return show(new ItemId(id), model, Map.of(), null, "takedown.preservation.noHost");
		}
	}

	/**
	 * Post/redirect/get: back to the item's page, which shows what was done once (a flash attribute: the message key
	 * {@code notice}, its argument, and {@code done}, naming the banner), not again on a reload.
	 */
	private static String done(RedirectAttributes redirect, UUID id, String done, String noticeKey, @Nullable String argument) {
		redirect.addFlashAttribute("done", done);
		redirect.addFlashAttribute("notice", noticeKey);
		if (argument != null) {
			redirect.addFlashAttribute("noticeArgument", argument);
		}
		return "redirect:/takedown/items/" + id;
	}

	@GetMapping("/takedown/items")
	String items(@RequestParam(required = false) @Nullable ItemStatus status, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer page, Model model) {
		model.addAttribute("items", views.list(CallerContext.require(), status, q, false, PageRequest.forPage(page, 50)));
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		return "takedown/items";
	}

	@GetMapping("/takedown/items/{id}")
	String item(@PathVariable UUID id, Model model) {
		return show(new ItemId(id), model, Map.of(), null, null);
	}

	@PostMapping("/takedown/items/{id}/assess")
	String assess(@PathVariable UUID id, AssessmentDraft draft, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CallerContext caller = CallerContext.require();
		try {
			assessments.assess(caller, new ItemId(id), draft);
			return done(redirect, id, "assessed", "takedown.item.assessedNotice", null);
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(new ItemId(id), model, e.fieldErrors(), draft, null);
		}
		catch (ConflictException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return show(new ItemId(id), model, Map.of(), draft, "takedown.problem.conflict");
		}
	}

	@PostMapping("/takedown/items/{id}/assessments/{assessmentId}/confirm")
	String confirm(@PathVariable UUID id, @PathVariable UUID assessmentId, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			assessments.confirm(CallerContext.require(), new ItemId(id), assessmentId);
			return done(redirect, id, "confirmed", "takedown.item.confirmedNotice", null);
		}
		catch (ConflictException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return show(new ItemId(id), model, Map.of(), null, "takedown.problem.confirmOwn");
		}
	}

	String show(ItemId id, Model model, Map<String, String> errors, @Nullable AssessmentDraft draft,
			@Nullable String problem) {
		CallerContext caller = CallerContext.require();
		ItemViews.ItemDetail detail = views.detail(caller, id);
		model.addAttribute("d", detail);
		model.addAttribute("item", detail.item());
		model.addAttribute("errors", errors);
		ContentCategory likely = detail.item().category() != null ? detail.item().category()
				: ContentCategory.likely(detail.item().reportedCategory());
		model.addAttribute("draft", draft != null ? draft
				: new AssessmentDraft(likely.name(), null, null, false, null));
		model.addAttribute("categories", ContentCategory.values());
		model.addAttribute("mediaTypes", Assessment.MediaType.values());
		model.addAttribute("problem", problem);
		if (!model.containsAttribute("hostingDraft")) {
			eu.eccp.takedown.internal.HostingLocation h = detail.item().hosting();
			model.addAttribute("hostingDraft", h == null ? new HostingDraft(null, null, null, null, null, false)
					: new HostingDraft(h.country() == null ? null : h.country().value(), h.provider(),
							h.hostOrganisation() == null ? null : h.hostOrganisation().toString(), h.abuseEmail(), h.language(),
							h.behindCdn()));
		}
		model.addAttribute("hostChoices", hosting.hostChoices());
		model.addAttribute("notices", notices.ofItem(caller, id));
		if (!model.containsAttribute("noticeDraft")) {
			model.addAttribute("noticeDraft", new NoticeDraft(null, null, null, null, false, null, null, null, null, null,
					null, null));
		}
		BlockListProposing.Eligibility eligibility = blockList.eligibility(detail.item());
		model.addAttribute("blockList", eligibility);
		model.addAttribute("blockListProposals", blockList.ofItem(id));
		if (!model.containsAttribute("blockListDraft")) {
			model.addAttribute("blockListDraft", new BlockListProposing.ProposalDraft(false, eligibility.stopPage().en(),
					eligibility.stopPage().fr(), eligibility.stopPage().de()));
		}
		model.addAttribute("mayOrder", caller.has(eu.eccp.shared.Role.ANALYST) || caller.has(eu.eccp.shared.Role.COORDINATOR));
		model.addAttribute("preservations", preservations.ofItem(caller, id));
		if (!model.containsAttribute("preservationDraft")) {
			model.addAttribute("preservationDraft", preservations.prefilled(detail.item(),
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		model.addAttribute("mayPreserve", caller.has(eu.eccp.shared.Role.ANALYST) || caller.has(eu.eccp.shared.Role.COORDINATOR)
				|| caller.has(eu.eccp.shared.Role.CONTACT_POINT_OFFICER));
		return "takedown/item";
	}

	@GetMapping("/takedown/legality")
	String legality(Model model) {
		return legalityPage(model, Map.of(), null);
	}

	@PostMapping("/takedown/legality")
	String updateRule(@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String country, LegalityMatrix.RuleDraft draft, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			matrix.update(CallerContext.require(), category, country, draft);
			redirect.addFlashAttribute("notice", "takedown.legality.saved");
			return "redirect:/takedown/legality";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return legalityPage(model, e.fieldErrors(), new RuleForm(category, country, draft.verdict(),
					draft.legalBasis(), draft.note()));
		}
	}

	record RuleForm(@Nullable String category, @Nullable String country, @Nullable String verdict,
			@Nullable String legalBasis, @Nullable String note) {
	}

	private String legalityPage(Model model, Map<String, String> errors, @Nullable RuleForm form) {
		CallerContext caller = CallerContext.require();
		model.addAttribute("rules", matrix.all(caller));
		model.addAttribute("mayEdit", caller.has(eu.eccp.shared.Role.COORDINATOR));
		model.addAttribute("categories", ContentCategory.matrixCategories());
		model.addAttribute("verdicts", LegalityMatrix.Verdict.values());
		model.addAttribute("errors", errors);
		model.addAttribute("form", form == null ? new RuleForm(null, null, null, null, null) : form);
		return "takedown/legality";
	}
}
