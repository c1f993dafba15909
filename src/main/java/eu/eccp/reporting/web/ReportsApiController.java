package eu.eccp.reporting.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.internal.ImportJob;
import eu.eccp.reporting.internal.ImportRejection;
import eu.eccp.reporting.internal.ReportDraft;
import eu.eccp.reporting.internal.ReportImports;
import eu.eccp.reporting.internal.ReportInbox;
import eu.eccp.reporting.internal.ReportIntake;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.shared.Uploads;

/** Reports for organisations: submission (single, idempotent, and bulk), the inbox, triage. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportsApiController {

	private final ReportIntake intake;
	private final ReportInbox inbox;
	private final ReportImports imports;

	ReportsApiController(ReportIntake intake, ReportInbox inbox, ReportImports imports) {
		this.intake = intake;
		this.inbox = inbox;
		this.imports = imports;
	}

	record StatusChange(@Schema(implementation = ReportStatus.class, requiredMode = RequiredMode.REQUIRED) @Nullable String status,
			@Schema(maxLength = 2_000, description = "required for CLOSED and REFERRED") @Nullable String reason) {
	}

	record Assignment(@Nullable UUID assignee) {
	}

	record JobDto(ImportJob job, Page<ImportRejection> rejections) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Submit a report for your organisation; an Idempotency-Key header (or the "
			+ "organisationReference) makes a retry return the original report (200) instead of a duplicate")
	ResponseEntity<ReportDtos.ReportDto> submit(@RequestBody ReportDraft draft,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		return submitted(intake.submitForOrganisation(CallerContext.require(), draft, idempotencyKey, List.of()));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Submit a report with attachments: a 'report' JSON part and 'attachments' file parts")
	ResponseEntity<ReportDtos.ReportDto> submitWithFiles(@RequestPart("report") ReportDraft draft,
			@RequestPart(name = "attachments", required = false) @Nullable MultipartFile[] attachments,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		return submitted(intake.submitForOrganisation(CallerContext.require(), draft, idempotencyKey,
				Uploads.of(attachments)));
	}

	private static ResponseEntity<ReportDtos.ReportDto> submitted(ReportIntake.OrganisationReceipt receipt) {
		ReportDtos.ReportDto body = ReportDtos.ReportDto.of(receipt.report(), null);
		if (receipt.replayed()) {
			return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body);
		}
		return ResponseEntity.created(URI.create("/api/v1/reports/" + body.id())).body(body);
	}

	@GetMapping
	@Operation(summary = "The inbox of reports routed to your unit (view=inbox), or your organisation's "
			+ "submissions (view=submitted); filters: kind, offence, status, country, from, to, minLoss, assignee, q")
	Page<ReportDtos.ReportSummaryDto> list(@RequestParam(defaultValue = "inbox") String view, InboxFilterParams filter,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		CallerContext caller = CallerContext.require();
		PageRequest request = PageRequest.of(page, size);
		Page<eu.eccp.reporting.internal.StoredReport> result = switch (view) {
			case "inbox" -> inbox.inbox(caller, filter.toFilter(), request);
			case "submitted" -> inbox.submitted(caller, filter.toFilter(), request);
			default -> throw new IllegalArgumentException("view must be inbox or submitted");
		};
		return result.map(ReportDtos.ReportSummaryDto::of);
	}

	@GetMapping("/{id}")
	ReportDtos.ReportDto report(@PathVariable UUID id) {
		ReportInbox.ReportDetail detail = inbox.detail(CallerContext.require(), new ReportId(id));
		return ReportDtos.ReportDto.of(detail.report(), detail.contact(), detail.indicators());
	}

	@PostMapping("/{id}/status")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Move a report on: IN_REVIEW, LINKED_TO_CASE, REFERRED or CLOSED (the last two need a reason)")
	void changeStatus(@PathVariable UUID id, @RequestBody StatusChange change) {
		inbox.changeStatus(CallerContext.require(), new ReportId(id), change.status(), change.reason());
	}

	@PutMapping("/{id}/assignee")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void assign(@PathVariable UUID id, @RequestBody Assignment assignment) {
		inbox.assign(CallerContext.require(), new ReportId(id), assignment.assignee());
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		return ReportDownloads.attachment(inbox.download(CallerContext.require(), new ReportId(id), attachmentId));
	}

	@PostMapping(path = "/bulk", consumes = { "application/x-ndjson", "application/ndjson", "text/csv" })
	@Operation(summary = "Bulk intake: an NDJSON or CSV file as the request body; processed as a job (202)")
	ResponseEntity<ImportJob> bulk(HttpServletRequest request,
			@RequestParam(required = false) @Nullable String fileName) throws IOException {
		try (InputStream body = request.getInputStream()) {
			return accepted(imports.start(CallerContext.require(), ReportImports.format(request.getContentType(), fileName),
					fileName, body));
		}
	}

	@PostMapping(path = "/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Bulk intake: an NDJSON (.ndjson) or CSV (.csv) file in the 'file' part")
	ResponseEntity<ImportJob> bulkUpload(@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream body = file.getInputStream()) {
			return accepted(imports.start(CallerContext.require(),
					ReportImports.format(file.getContentType(), file.getOriginalFilename()), file.getOriginalFilename(), body));
		}
	}

	private static ResponseEntity<ImportJob> accepted(ImportJob job) {
		return ResponseEntity.accepted().location(URI.create("/api/v1/reports/bulk/" + job.id())).body(job);
	}

	@GetMapping("/bulk/{jobId}")
	@Operation(summary = "A bulk import's progress: rows done, accepted, rejected, and the first rejected rows")
	JobDto job(@PathVariable UUID jobId) {
		CallerContext caller = CallerContext.require();
		return new JobDto(imports.status(caller, jobId), imports.rejections(caller, jobId, new PageRequest(0, 100)));
	}

	@GetMapping("/bulk/{jobId}/rejections")
	Page<ImportRejection> rejections(@PathVariable UUID jobId, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return imports.rejections(CallerContext.require(), jobId, PageRequest.of(page, size));
	}
}
