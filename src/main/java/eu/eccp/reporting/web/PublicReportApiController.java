package eu.eccp.reporting.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import eu.eccp.reporting.Offence;
import eu.eccp.reporting.internal.ReportDraft;
import eu.eccp.reporting.internal.ReportIntake;
import eu.eccp.reporting.internal.ReporterStatus;
import eu.eccp.shared.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * Public intake without an account, for apps and browser extensions ("report phishing" buttons): submit a
 * report, then follow it with its reference and the status token from the {@code X-Status-Token} header.
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Public reporting (no account)")
class PublicReportApiController {

	private final ReportIntake intake;
	private final ReporterStatus status;

	PublicReportApiController(ReportIntake intake, ReporterStatus status) {
		this.intake = intake;
		this.status = status;
	}

	record Receipt(String reference, String statusToken, boolean duplicate, String statusUrl) {
	}

	record Addition(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String text) {
	}

	@PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Report cyber crime anonymously (JSON); keep the statusToken, it is shown only once")
	ResponseEntity<Receipt> submit(@RequestBody ReportDraft draft, HttpServletRequest request) {
		return receipt(intake.submitPublic(draft, List.of(), "PUBLIC_API", request.getRemoteAddr()));
	}

	@PostMapping(path = "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Report with attachments: a 'report' JSON part and 'attachments' file parts")
	ResponseEntity<Receipt> submitWithFiles(@RequestPart("report") ReportDraft draft,
			@RequestPart(name = "attachments", required = false) @Nullable MultipartFile[] attachments,
			HttpServletRequest request) {
		return receipt(intake.submitPublic(draft, Uploads.of(attachments), "PUBLIC_API", request.getRemoteAddr()));
	}

	@GetMapping("/reports/{reference}")
	@Operation(summary = "The reporter-visible status of a report; the status token goes in X-Status-Token")
	ReporterStatus.ReporterView status(@PathVariable String reference,
			@RequestHeader(name = "X-Status-Token", required = false) @Nullable String token, HttpServletRequest request) {
		return status.view(reference, token == null ? "" : token, request.getRemoteAddr());
	}

	@PostMapping(path = "/reports/{reference}/information", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add information to a report later (X-Status-Token required)")
	ReporterStatus.ReporterView addInformation(@PathVariable String reference,
			@RequestHeader(name = "X-Status-Token", required = false) @Nullable String token,
			@RequestBody Addition addition, HttpServletRequest request) {
		return status.addInformation(reference, token == null ? "" : token, request.getRemoteAddr(), addition.text(),
				List.of());
	}

	@GetMapping("/taxonomy")
	@Operation(summary = "The offence types with their kind, Budapest Convention articles and RSIT class/type")
	List<ReportDtos.Classification> taxonomy() {
		return Arrays.stream(Offence.values()).map(ReportDtos.Classification::of).toList();
	}

	private static ResponseEntity<Receipt> receipt(ReportIntake.PublicReceipt receipt) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Receipt(receipt.reference(), receipt.statusToken(), receipt.duplicate(),
					"/api/v1/public/reports/" + receipt.reference()));
	}

}
