package eu.eccp.contactpoints.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.contactpoints.RequestId;
import eu.eccp.contactpoints.RequestKind;
import eu.eccp.contactpoints.internal.ContactPointDirectory;
import eu.eccp.contactpoints.internal.ContactPointView;
import eu.eccp.contactpoints.internal.IdentifierInput;
import eu.eccp.contactpoints.internal.IdentifierType;
import eu.eccp.contactpoints.internal.RequestDraft;
import eu.eccp.contactpoints.internal.RequestViews;
import eu.eccp.contactpoints.internal.RequestLifecycle;
import eu.eccp.contactpoints.internal.RequestThread;
import eu.eccp.contactpoints.internal.UrgentRequests;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Uploads;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The urgent-request pages: the incoming and outgoing lists (overdue and escalated first), the form per
 * kind, and a request's page with its deadlines, escalation, the caller's actions and the message thread.
 */
@Controller
class RequestsController {

	private static final int IDENTIFIER_ROWS = 3;

	private static final Pattern ROW_ERROR = Pattern.compile("identifiers\\[(\\d+)\\](.*)");

	private final UrgentRequests requests;
	private final RequestLifecycle lifecycle;
	private final RequestThread thread;
	private final ContactPointDirectory directory;
	private final Clock clock;

	RequestsController(UrgentRequests requests, RequestLifecycle lifecycle, RequestThread thread, ContactPointDirectory directory, Clock clock) {
		this.requests = requests;
		this.lifecycle = lifecycle;
		this.thread = thread;
		this.directory = directory;
		this.clock = clock;
	}

	/** The form as posted: the identifiers as parallel lists, one entry per row. */
	record RequestForm(@Nullable String recipient, @Nullable String kind, @Nullable String urgent,
			@Nullable String requestingAuthority, @Nullable String offence, @Nullable String facts,
			@Nullable String dataSought, @Nullable String relationToOffence, @Nullable String custodian,
			@Nullable String necessity, @Nullable String mlaFollowUp, @Nullable String threatToLife,
			@Nullable List<String> idType, @Nullable List<String> idValue, @Nullable List<String> idService,
			@Nullable List<String> idObservedAt, @Nullable List<String> idZone) {

		static RequestForm empty(@Nullable String recipient, String kind) {
			return new RequestForm(recipient, kind, null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null);
		}

		public int rows() {
			return Math.max(IDENTIFIER_ROWS, idValue == null ? 0 : idValue.size());
		}

		public String at(@Nullable List<String> column, int row) {
			return column == null || row >= column.size() || column.get(row) == null ? "" : column.get(row);
		}

		/** Rows with a value, and for each the row it came from (to put errors next to the right row). */
		List<Integer> filledRows() {
			List<Integer> filled = new ArrayList<>();
			for (int row = 0; row < rows(); row++) {
				if (!at(idValue, row).isBlank()) {
					filled.add(row);
				}
			}
			return filled;
		}

		RequestDraft toDraft(List<Integer> filled) {
			List<IdentifierInput> identifiers = filled.stream().map(row -> new IdentifierInput(at(idType, row),
					at(idValue, row), at(idService, row), at(idObservedAt, row), at(idZone, row))).toList();
			return new RequestDraft(recipient, kind, "true".equals(urgent), requestingAuthority, offence, facts, dataSought,
					relationToOffence, custodian, necessity, mlaFollowUp == null ? null : "true".equals(mlaFollowUp),
					threatToLife, null, identifiers);
		}
	}

	/** A deadline and how far away it is (negative when passed), for display. */
	record Deadline(Instant at, boolean passed, long days, long hours, long minutes) {

		static @Nullable Deadline of(@Nullable Instant at, Instant now) {
			if (at == null) {
				return null;
			}
			Duration left = Duration.between(now, at);
			Duration abs = left.abs();
			return new Deadline(at, left.isNegative(), abs.toDays(), abs.toHoursPart(), abs.toMinutesPart());
		}
	}

	@GetMapping("/requests")
	String list(Model model) {
		RequestViews.RequestLists lists = requests.lists(CallerContext.require());
		model.addAttribute("incoming", lists.incoming());
		model.addAttribute("outgoing", lists.outgoing());
		model.addAttribute("maySend", UrgentRequests.maySend(CallerContext.require()));
		return "requests/list";
	}

	@GetMapping("/requests/new")
	String form(@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String recipient,
			Model model) {
		String chosen = kind == null ? "PRESERVATION" : kind.toUpperCase(Locale.ROOT);
		if (!List.of("PRESERVATION", "DISCLOSURE", "EMERGENCY", "MUTUAL_ASSISTANCE").contains(chosen)) {
			chosen = "PRESERVATION";
		}
		return showForm(RequestForm.empty(recipient, chosen), Map.of(), model);
	}

	@PostMapping("/requests")
	String send(@ModelAttribute RequestForm form, Model model, HttpServletResponse response) {
		List<Integer> filled = form.filledRows();
		try {
			RequestViews.RequestView sent = lifecycle.send(CallerContext.require(), form.toDraft(filled));
			return "redirect:/requests/" + sent.id() + "?sent";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			Map<String, String> errors = new LinkedHashMap<>();
			e.fieldErrors().forEach((field, code) -> {
				Matcher row = ROW_ERROR.matcher(field);
				errors.put(row.matches() ? "identifiers[" + filled.get(Integer.parseInt(row.group(1))) + "]" + row.group(2)
						: field, code);
			});
			return showForm(form, errors, model);
		}
	}

	private String showForm(RequestForm form, Map<String, String> errors, Model model) {
		CallerContext me = CallerContext.require();
		me.requireAny(eu.eccp.shared.Role.ANALYST, eu.eccp.shared.Role.CONTACT_POINT_OFFICER, eu.eccp.shared.Role.COORDINATOR);
		List<ContactPointView> recipients = directory.search(me, ContactPointDirectory.Filter.none()).stream()
			.filter(cp -> !cp.organisationId().equals(me.organisationId().value()))
			.toList();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("limits", UrgentRequests.LIMITS);
		model.addAttribute("recipients", recipients);
		model.addAttribute("kinds", RequestKind.values());
		model.addAttribute("identifierTypes", IdentifierType.values());
		return "requests/new";
	}

	@GetMapping("/requests/{id}")
	String show(@PathVariable UUID id, Model model) {
		CallerContext me = CallerContext.require();
		RequestViews.RequestView request = requests.open(me, new RequestId(id));
		Instant now = clock.instant();
		model.addAttribute("request", request);
		model.addAttribute("acknowledgeDeadline", Deadline.of(request.acknowledgeDue(), now));
		model.addAttribute("fulfilDeadline", Deadline.of(request.fulfilDue(), now));
		model.addAttribute("preservationDeadline", Deadline.of(request.preservedUntil(), now));
		model.addAttribute("messages", thread.messages(me, new RequestId(id)));
		model.addAttribute("tlps", Tlp.values());
		model.addAttribute("party", !request.direction().equals("OVERSIGHT"));
		model.addAttribute("limits", UrgentRequests.LIMITS);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("typed", Map.of());
		}
		return "requests/detail";
	}

	@PostMapping("/requests/{id}/{action:acknowledge|start|fulfil|refuse|withdraw|extend}")
	String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String partial,
			RedirectAttributes redirect) {
		CallerContext me = CallerContext.require();
		RequestId request = new RequestId(id);
		try {
			switch (action) {
				case "acknowledge" -> lifecycle.acknowledge(me, request);
				case "start" -> lifecycle.start(me, request);
				case "fulfil" -> lifecycle.fulfil(me, request, "true".equals(partial), note);
				case "refuse" -> lifecycle.refuse(me, request, reason);
				case "withdraw" -> lifecycle.withdraw(me, request);
				default -> lifecycle.extend(me, request);
			}
			redirect.addFlashAttribute("notice", "requests.done." + action);
		}
		catch (InvalidRequestException e) {
			// the page shows the error at its field, with the text typed kept
			redirect.addFlashAttribute("errors", e.fieldErrors());
			redirect.addFlashAttribute("typed", typed("note", note, "reason", reason));
			return "redirect:/requests/" + id + "#actions";
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "requests.conflict");
		}
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/messages")
	String post(@PathVariable UUID id, @RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String tlp,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, RedirectAttributes redirect) {
		try {
			thread.post(CallerContext.require(), new RequestId(id), body, tlp, Uploads.of(files));
			redirect.addFlashAttribute("notice", "requests.messagePosted");
		}
		catch (InvalidRequestException e) {
			redirect.addFlashAttribute("errors", e.fieldErrors());
			redirect.addFlashAttribute("typed", typed("body", body, "tlp", tlp));
		}
		return "redirect:/requests/" + id + "#thread";
	}

	/** What the person typed into a refused form, shown again with its errors (nulls left out). */
	private static Map<String, String> typed(String name, @Nullable String value, String otherName, @Nullable String other) {
		Map<String, String> typed = new LinkedHashMap<>();
		if (value != null) {
			typed.put(name, value);
		}
		if (other != null) {
			typed.put(otherName, other);
		}
		return typed;
	}

	@GetMapping("/requests/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		return RequestDownloads.attachment(thread.download(CallerContext.require(), new RequestId(id), attachmentId));
	}
}
