package eu.eccp.cases.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import eu.eccp.cases.CaseId;
import eu.eccp.cases.internal.CaseDesk;
import eu.eccp.cases.internal.CaseExports;
import eu.eccp.cases.internal.CaseFile;
import eu.eccp.cases.internal.CaseMembers;
import eu.eccp.cases.internal.CaseWork;
import eu.eccp.cases.internal.EvidenceLocker;
import eu.eccp.cases.internal.OpenCase;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Upload;
import eu.eccp.shared.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** Cases over the API: everything the case pages do. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
class CasesApiController {

	private final CaseDesk desk;
	private final CaseMembers members;
	private final CaseWork work;
	private final EvidenceLocker locker;
	private final CaseExports exports;
	private final Names names;

	CasesApiController(CaseDesk desk, CaseMembers members, CaseWork work, EvidenceLocker locker, CaseExports exports,
			Names names) {
		this.desk = desk;
		this.members = members;
		this.work = work;
		this.locker = locker;
		this.exports = exports;
		this.names = names;
	}

	record InvitationRequest(@Schema(requiredMode = RequiredMode.REQUIRED,
			description = "the invited organisation's short name or id", example = "de-unit") @Nullable String organisation,
			@Nullable String note) {
	}

	record NoteRequest(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String text,
			@Schema(implementation = Tlp.class, description = "TLP 2.0 marking; default AMBER") @Nullable String tlp) {
	}

	record TaskRequest(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String title, @Nullable UUID assignee,
			@Nullable LocalDate dueOn,
			@Schema(implementation = Tlp.class, description = "TLP 2.0 marking; default AMBER") @Nullable String tlp) {
	}

	@PostMapping
	@Operation(summary = "Open a case: title, summary, offences, tlp, and optionally the reports, hits or cluster it starts from")
	ResponseEntity<CaseJson.Detail> open(@RequestBody OpenCase request) {
		CallerContext caller = CallerContext.require();
		CaseFile file = desk.open(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + file.id()))
			.body(CaseJson.detail(desk.detail(caller, file.id()), names.lookup()));
	}

	@GetMapping
	@Operation(summary = "Cases of your organisation (owned, joined, invited to), most recently active first")
	Page<CaseJson.CaseSummary> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		Names.Lookup lookup = names.lookup();
		return desk.list(CallerContext.require(), status, q, PageRequest.of(page, size)).map(c -> CaseJson.summary(c, lookup));
	}

	@GetMapping("/invitations")
	@Operation(summary = "Pending invitations to your organisation")
	List<CaseJson.CaseSummary> invitations() {
		Names.Lookup lookup = names.lookup();
		return desk.invitations(CallerContext.require()).stream().map(c -> CaseJson.summary(c, lookup)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A case with everything you may see of it; an invited unit sees only the invitation")
	Object detail(@PathVariable UUID id) {
		CallerContext caller = CallerContext.require();
		CaseId caseId = new CaseId(id);
		var invitation = desk.invitation(caller, caseId);
		if (invitation.isPresent()) {
			var membership = desk.membership(caller, caseId).orElseThrow();
			return new CaseJson.Invitation(CaseJson.summary(invitation.get(), names.lookup()), membership.status().name(),
					membership.invitationNote(), membership.invitedAt());
		}
		return CaseJson.detail(desk.detail(caller, caseId), names.lookup());
	}

	@PostMapping("/{id}/links")
	@Operation(summary = "Absorb more records into the case: reports, hits, a cluster (only what you may see)")
	List<CaseJson.Link> link(@PathVariable UUID id, @RequestBody OpenCase sources) {
		return desk.absorb(CallerContext.require(), new CaseId(id), sources).stream().map(CaseJson::link).toList();
	}

	@PostMapping("/{id}/close")
	CaseJson.CaseSummary close(@PathVariable UUID id) {
		return CaseJson.summary(desk.close(CallerContext.require(), new CaseId(id)), names.lookup());
	}

	@PostMapping("/{id}/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite a unit (national unit, 24/7 point, EU body) by id or short name")
	CaseJson.Member invite(@PathVariable UUID id, @RequestBody InvitationRequest request) {
		return CaseJson.member(members.invite(CallerContext.require(), new CaseId(id), request.organisation(), request.note()),
				names.lookup());
	}

	@PostMapping("/{id}/invitation/accept")
	@Operation(summary = "Accept your organisation's invitation to the case")
	CaseJson.Member accept(@PathVariable UUID id) {
		return CaseJson.member(members.accept(CallerContext.require(), new CaseId(id)), names.lookup());
	}

	@PostMapping("/{id}/invitation/decline")
	@Operation(summary = "Decline your organisation's invitation to the case")
	CaseJson.Member decline(@PathVariable UUID id) {
		return CaseJson.member(members.decline(CallerContext.require(), new CaseId(id)), names.lookup());
	}

	@PostMapping("/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	CaseJson.Entry note(@PathVariable UUID id, @RequestBody NoteRequest request) {
		return CaseJson.entry(work.addNote(CallerContext.require(), new CaseId(id), request.text(), CaseDesk.marking(request.tlp())),
				names.lookup());
	}

	@GetMapping("/{id}/timeline")
	List<CaseJson.Event> timeline(@PathVariable UUID id) {
		Names.Lookup lookup = names.lookup();
		return desk.timeline(CallerContext.require(), new CaseId(id)).stream().map(e -> CaseJson.event(e, lookup)).toList();
	}

	@PostMapping("/{id}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	CaseJson.Task task(@PathVariable UUID id, @RequestBody TaskRequest request) {
		return CaseJson.task(work.addTask(CallerContext.require(), new CaseId(id), request.title(), request.assignee(),
				request.dueOn(), CaseDesk.marking(request.tlp())), names.lookup());
	}

	@PostMapping("/{id}/tasks/{taskId}/complete")
	CaseJson.Task completeTask(@PathVariable UUID id, @PathVariable UUID taskId) {
		return CaseJson.task(work.completeTask(CallerContext.require(), new CaseId(id), taskId), names.lookup());
	}

	@GetMapping("/{id}/messages")
	List<CaseJson.Entry> messages(@PathVariable UUID id) {
		Names.Lookup lookup = names.lookup();
		return desk.messages(CallerContext.require(), new CaseId(id)).stream().map(e -> CaseJson.entry(e, lookup)).toList();
	}

	@PostMapping(path = "/{id}/messages", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Post to the case's message thread: 'text', 'tlp' and up to 10 'files' parts")
	CaseJson.Entry message(@PathVariable UUID id, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String tlp,
			@RequestPart(name = "files", required = false) MultipartFile @Nullable [] files) {
		return CaseJson.entry(work.postMessage(CallerContext.require(), new CaseId(id), text, CaseDesk.marking(tlp), Uploads.of(files)),
				names.lookup());
	}

	@PostMapping(path = "/{id}/messages", consumes = { MediaType.APPLICATION_JSON_VALUE })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Post a message without attachments")
	CaseJson.Entry messageJson(@PathVariable UUID id, @RequestBody NoteRequest request) {
		return CaseJson.entry(work.postMessage(CallerContext.require(), new CaseId(id), request.text(), CaseDesk.marking(request.tlp()),
				List.of()), names.lookup());
	}

	@GetMapping("/{id}/evidence")
	List<CaseJson.EvidenceItem> evidence(@PathVariable UUID id) {
		Names.Lookup lookup = names.lookup();
		return desk.evidence(CallerContext.require(), new CaseId(id)).stream().map(e -> CaseJson.evidence(e, lookup)).toList();
	}

	@PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add evidence: a 'file' part (streamed; SHA-256 computed on upload), 'description', 'tlp'")
	CaseJson.EvidenceItem addEvidence(@PathVariable UUID id, @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String description, @RequestParam(required = false) @Nullable String tlp) {
		if (file == null) {
			throw new InvalidRequestException("file", "validation.required");
		}
		return CaseJson.evidence(locker.add(CallerContext.require(), new CaseId(id), Upload.of(file), description, CaseDesk.marking(tlp)),
				names.lookup());
	}

	@GetMapping("/{id}/evidence/{evidenceId}/custody")
	@Operation(summary = "The chain of custody of a piece of evidence (looking is logged as a view)")
	List<CaseJson.Custody> custody(@PathVariable UUID id, @PathVariable UUID evidenceId) {
		CallerContext caller = CallerContext.require();
		locker.view(caller, new CaseId(id), evidenceId);
		Names.Lookup lookup = names.lookup();
		return locker.custodyOf(caller, new CaseId(id), evidenceId).stream().map(c -> CaseJson.custody(c, lookup)).toList();
	}

	@GetMapping("/{id}/evidence/{evidenceId}/content")
	@Operation(summary = "Download a piece of evidence; 'reason' (why you need it) goes into its chain of custody")
	ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID evidenceId,
			@RequestParam(required = false) @Nullable String reason) {
		return CaseDownloads.evidence(locker.download(CallerContext.require(), new CaseId(id), evidenceId, reason));
	}

	@GetMapping("/{id}/export")
	@Operation(summary = "Export the case as a ZIP: case.json, evidence/, manifest.json with every file's SHA-256, "
			+ "SHA256SUMS; 'reason' goes into each file's chain of custody")
	void export(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, HttpServletResponse response)
			throws IOException {
		CaseDownloads.zip(exports, exports.prepare(CallerContext.require(), new CaseId(id), reason), response);
	}

}
