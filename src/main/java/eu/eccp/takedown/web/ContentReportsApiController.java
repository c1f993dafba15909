package eu.eccp.takedown.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.internal.ContentReportDraft;
import eu.eccp.takedown.internal.ContentReports;
import eu.eccp.takedown.internal.ItemViews;
import eu.eccp.takedown.internal.Placement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Content reports from organisations: web addresses (never files) with optional media hashes, one at a time or
 * as NDJSON in bulk. Each answer says, per address, whether it created an item or joined one that someone
 * already handles, and who since when.
 */
@RestController
@RequestMapping("/api/v1/content-reports")
@Tag(name = "Illegal content")
class ContentReportsApiController {

	private final ContentReports reports;
	private final ItemViews views;

	ContentReportsApiController(ContentReports reports, ItemViews views) {
		this.reports = reports;
		this.views = views;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Report illegal content by web address (one or many) with optional media hashes; an "
			+ "Idempotency-Key header or the organisationReference makes a retry return the original (200)")
	ResponseEntity<TakedownJson.ContentReportReceipt> submit(@RequestBody ContentReportDraft draft,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		ContentReports.Receipt receipt = reports.submit(CallerContext.require(), draft, idempotencyKey);
		TakedownJson.ContentReportReceipt body = new TakedownJson.ContentReportReceipt(receipt.id(),
				receipt.organisationReference(), receipt.replayed(), placements(receipt.items()));
		if (receipt.replayed()) {
			return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body);
		}
		return ResponseEntity.created(URI.create("/api/v1/content-reports/" + receipt.id())).body(body);
	}

	@PostMapping(path = "/bulk", consumes = { "application/x-ndjson", "application/ndjson" })
	@Operation(summary = "Bulk intake: NDJSON, one content report per line; lines with an organisationReference "
			+ "already used are replayed, bad lines are listed with their field errors, the rest is stored")
	ContentReports.BulkResult bulk(HttpServletRequest request) throws IOException {
		try (InputStream body = request.getInputStream()) {
			return reports.bulk(CallerContext.require(), body);
		}
	}

	private List<TakedownJson.PlacementDto> placements(List<Placement> placements) {
		Map<OrganisationId, Optional<TakedownJson.OrgDto>> names = new HashMap<>();
		return placements.stream()
			.map(p -> new TakedownJson.PlacementDto(p.item().value(), p.url(), p.created(),
					names.computeIfAbsent(p.handler(), id -> views.org(id).map(TakedownJson.OrgDto::of)).orElse(null),
					p.handledSince()))
			.toList();
	}
}
