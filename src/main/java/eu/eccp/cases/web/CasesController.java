package eu.eccp.cases.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.cases.CaseId;
import eu.eccp.cases.internal.CaseDesk;
import eu.eccp.cases.internal.CaseExports;
import eu.eccp.cases.internal.CaseFile;
import eu.eccp.cases.internal.CaseMembers;
import eu.eccp.cases.internal.CaseWork;
import eu.eccp.cases.internal.EvidenceLocker;
import eu.eccp.cases.internal.OpenCase;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Upload;
import eu.eccp.shared.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The case pages: the list, opening a case, a case with its work, a piece of evidence with its custody. */
@Controller
class CasesController {

	private final CaseDesk desk;
	private final CaseMembers members;
	private final CaseWork work;
	private final EvidenceLocker locker;
	private final CaseExports exports;
	private final People people;
	private final Names names;

	CasesController(CaseDesk desk, CaseMembers members, CaseWork work, EvidenceLocker locker, CaseExports exports,
			People people, Names names, eu.eccp.cases.internal.CaseDrafts drafts) {
		this.desk = desk;
		this.members = members;
		this.work = work;
		this.locker = locker;
		this.exports = exports;
		this.people = people;
		this.names = names;
		this.drafts = drafts;
	}

	private final eu.eccp.cases.internal.CaseDrafts drafts;

	@GetMapping("/cases")
	String list(@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CallerContext me = CallerContext.require();
		String state = status == null || status.isBlank() ? null : status;
		model.addAttribute("cases", desk.list(me, state, q, new PageRequest(Math.max(page, 0), 50)));
		model.addAttribute("invitations", desk.invitations(me));
		model.addAttribute("status", state);
		model.addAttribute("q", q);
		return "cases/list";
	}

	@GetMapping("/cases/new")
	String openForm(@RequestParam(required = false) @Nullable UUID hit, @RequestParam(required = false) @Nullable UUID report,
			@RequestParam(required = false) @Nullable Long cluster, Model model) {
		CallerContext me = CallerContext.require();
		CaseDesk.requireCaseWorker(me);
		model.addAttribute("form", drafts.draft(me, hit, report, cluster));
		return formPage(model, Map.of());
	}

	@PostMapping("/cases")
	String open(@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String summary,
			@RequestParam(required = false) @Nullable List<String> offences, @RequestParam(required = false) @Nullable String tlp,
			@RequestParam(required = false) @Nullable List<UUID> reports, @RequestParam(required = false) @Nullable List<UUID> hits,
			@RequestParam(required = false) @Nullable Long cluster, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		// the form shown again after a refusal needs lists, not nulls, for what it was opened from
		OpenCase form = new OpenCase(title, summary, offences, tlp, reports == null ? List.of() : reports,
				hits == null ? List.of() : hits, cluster);
		try {
			CaseFile opened = desk.open(CallerContext.require(), form);
			redirect.addFlashAttribute("notice", "cases.notice.opened");
			return "redirect:/cases/" + opened.id();
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("form", form);
			return formPage(model, e.fieldErrors());
		}
	}

	private String formPage(Model model, Map<String, String> errors) {
		model.addAttribute("errors", errors);
		model.addAttribute("offences", Offence.values());
		model.addAttribute("tlps", Tlp.values());
		return "cases/new";
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable UUID id, Model model) {
		CallerContext me = CallerContext.require();
		CaseId caseId = new CaseId(id);
		var invitation = desk.invitation(me, caseId);
		model.addAttribute("tlps", Tlp.values());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("refused", "");
			model.addAttribute("typed", Map.of());
		}
		if (invitation.isPresent()) {
			model.addAttribute("invited", invitation.get());
			model.addAttribute("membership", desk.membership(me, caseId).orElseThrow());
			return "cases/invitation";
		}
		var detail = desk.detail(me, caseId);
		model.addAttribute("detail", detail);
		model.addAttribute("names", names.lookup());
		model.addAttribute("today", LocalDate.now(ZoneOffset.UTC));
		model.addAttribute("invitable", detail.isOwner() && detail.file().isOpen() && detail.file().tlp() != Tlp.RED
				? members.invitable(me, caseId) : List.of());
		List<PersonView> assignable = new ArrayList<>();
		if (detail.canContribute()) {
			detail.members().stream().filter(m -> m.isMember())
				.forEach(m -> assignable.addAll(people.members(m.organisation())));
		}
		model.addAttribute("assignable", assignable);
		return "cases/case";
	}

	@PostMapping("/cases/{id}/invitations")
	String invite(@PathVariable UUID id, @RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		return act(id, redirect, "cases.notice.invited", "#members", () -> members.invite(CallerContext.require(), new CaseId(id),
				organisation, note));
	}

	@PostMapping("/cases/{id}/invitation/{answer}")
	String answer(@PathVariable UUID id, @PathVariable String answer, RedirectAttributes redirect) {
		CallerContext me = CallerContext.require();
		if (answer.equals("accept")) {
			return act(id, redirect, "cases.notice.accepted", "", () -> members.accept(me, new CaseId(id)));
		}
		if (answer.equals("decline")) {
			act(id, redirect, "cases.notice.declined", "", () -> members.decline(me, new CaseId(id)));
			return "redirect:/cases";
		}
		throw new eu.eccp.shared.RecordNotFoundException("answer");
	}

	@PostMapping("/cases/{id}/notes")
	String note(@PathVariable UUID id, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String tlp, RedirectAttributes redirect) {
		return act(id, redirect, "cases.notice.noteAdded", "#notes", () -> work.addNote(CallerContext.require(), new CaseId(id), text,
				CaseDesk.marking(tlp)));
	}

	@PostMapping("/cases/{id}/tasks")
	String task(@PathVariable UUID id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String assignee, @RequestParam(required = false) @Nullable String dueOn,
			@RequestParam(required = false) @Nullable String tlp, RedirectAttributes redirect) {
		return act(id, redirect, "cases.notice.taskAdded", "#tasks", () -> work.addTask(CallerContext.require(), new CaseId(id), title,
				assignee == null || assignee.isBlank() ? null : uuid(assignee, "assignee"), date(dueOn),
				CaseDesk.marking(tlp)));
	}

	@PostMapping("/cases/{id}/tasks/{taskId}/complete")
	String completeTask(@PathVariable UUID id, @PathVariable UUID taskId, RedirectAttributes redirect) {
		return act(id, redirect, "cases.notice.taskDone", "#tasks", () -> work.completeTask(CallerContext.require(), new CaseId(id), taskId));
	}

	@PostMapping("/cases/{id}/messages")
	String message(@PathVariable UUID id, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String tlp,
			@RequestParam(name = "files", required = false) MultipartFile @Nullable [] files, RedirectAttributes redirect) {
		return act(id, redirect, "cases.notice.messagePosted", "#messages", () -> work.postMessage(CallerContext.require(),
				new CaseId(id), text, CaseDesk.marking(tlp), Uploads.of(files)));
	}

	@PostMapping("/cases/{id}/evidence")
	String evidence(@PathVariable UUID id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String description, @RequestParam(required = false) @Nullable String tlp,
			RedirectAttributes redirect) {
		return act(id, redirect, "cases.notice.evidenceAdded", "#evidence", () -> {
			Upload upload = Uploads.one(file);
			if (upload == null) {
				throw new InvalidRequestException("file", "validation.required");
			}
			return locker.add(CallerContext.require(), new CaseId(id), upload, description, CaseDesk.marking(tlp));
		});
	}

	@PostMapping("/cases/{id}/links")
	String link(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable String cluster, RedirectAttributes redirect) {
		return act(id, redirect, "cases.notice.linked", "#links", () -> desk.absorb(CallerContext.require(), new CaseId(id),
				reference, cluster == null || cluster.isBlank() ? null : number(cluster)));
	}

	@PostMapping("/cases/{id}/close")
	String close(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "cases.notice.closed", "", () -> desk.close(CallerContext.require(), new CaseId(id)));
	}

	@GetMapping("/cases/{id}/evidence/{evidenceId}")
	String evidencePage(@PathVariable UUID id, @PathVariable UUID evidenceId, Model model) {
		CallerContext me = CallerContext.require();
		model.addAttribute("evidence", locker.view(me, new CaseId(id), evidenceId));
		model.addAttribute("custody", locker.custodyOf(me, new CaseId(id), evidenceId));
		model.addAttribute("names", names.lookup());
		model.addAttribute("caseId", id);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "cases/evidence";
	}

	@GetMapping("/cases/{id}/evidence/{evidenceId}/content")
	Object download(@PathVariable UUID id, @PathVariable UUID evidenceId, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		try {
			return CaseDownloads.evidence(locker.download(CallerContext.require(), new CaseId(id), evidenceId, reason));
		}
		catch (InvalidRequestException e) {
			redirect.addFlashAttribute("errors", e.fieldErrors());
			return "redirect:/cases/" + id + "/evidence/" + evidenceId;
		}
	}

	@GetMapping("/cases/{id}/export")
	void export(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		CaseExports.Export export;
		try {
			export = exports.prepare(CallerContext.require(), new CaseId(id), reason);
		}
		catch (InvalidRequestException e) {
			response.sendRedirect(request.getContextPath() + "/cases/" + id + "?exportReason=missing#export");
			return;
		}
		CaseDownloads.zip(exports, export, response);
	}

	private interface Action {
		Object run();
	}

	/** Runs a change and goes back to the case, with a notice, or with the form errors or the conflict. */
	private static String act(UUID id, RedirectAttributes redirect, String notice, String anchor, Action action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidRequestException e) {
			// the refused form shows its errors at its fields, with what was typed kept
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			// a note's or message's text is "body" to the case work (and the API), "text" in the page's forms
			e.fieldErrors().forEach((field, code) -> errors.put(field.equals("body") ? "text" : field, code));
			redirect.addFlashAttribute("errors", errors);
			redirect.addFlashAttribute("refused", FORMS.getOrDefault(anchor, ""));
			redirect.addFlashAttribute("typed", typed());
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("conflict", e.getMessage());
		}
		return "redirect:/cases/" + id + anchor;
	}

	/** The forms of the case page by the section they post from: the prefix of their fields' ids. */
	private static final Map<String, String> FORMS = Map.of("#notes", "note-", "#tasks", "task-", "#messages", "message-",
			"#evidence", "evidence-", "#links", "link-", "#members", "invite-");

	/** The text fields of the request being answered, to show a refused form again as it was typed. */
	private static Map<String, String> typed() {
		Map<String, String> typed = new java.util.LinkedHashMap<>();
		if (org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
			attributes.getRequest().getParameterMap().forEach((name, values) -> {
				if (!name.startsWith("_") && values.length == 1) {
					typed.put(name, values[0]);
				}
			});
		}
		return typed;
	}

	private static long number(String text) {
		try {
			return Long.parseLong(text.strip().replaceFirst("^#", ""));
		}
		catch (NumberFormatException e) {
			throw new InvalidRequestException("cluster", "validation.caseSource");
		}
	}

	private static UUID uuid(String text, String field) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException(field, "validation.caseAssignee");
		}
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidRequestException("dueOn", "validation.date");
		}
	}
}
