package eu.eccp.correlation.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.correlation.internal.AccessRequests;
import eu.eccp.correlation.internal.ClusterViews;
import eu.eccp.correlation.internal.HitInbox;
import eu.eccp.correlation.internal.IndicatorPivot;
import eu.eccp.correlation.internal.Views;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.ArraySchema;

/** Correlation over the API: indicator search and bulk lookup, hits, access requests, clusters. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Correlation")
class CorrelationApiController {

	private final IndicatorPivot pivot;
	private final HitInbox hits;
	private final AccessRequests access;
	private final ClusterViews clusters;

	CorrelationApiController(IndicatorPivot pivot, HitInbox hits, AccessRequests access, ClusterViews clusters) {
		this.pivot = pivot;
		this.hits = hits;
		this.access = access;
		this.clusters = clusters;
	}

	record Lookup(@ArraySchema(minItems = 1, schema = @Schema(description = "an indicator, defanged forms understood"),
			arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED, description = "at most eccp.correlation.max-lookup-values (10,000)"))
	@Nullable List<String> values) {
	}

	/** Why access is needed, and to which of the hit's holders ({@code holder}: optional if just one). */
	record Reason(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String reason, @Nullable Long holder) {
	}

	record Decision(@Nullable String note) {
	}

	@GetMapping("/indicators/search")
	@Operation(summary = "What is known of an indicator (defanged input understood): your sightings, counts "
			+ "per country for the others, clusters")
	List<Views.IndicatorSighting> search(@RequestParam(defaultValue = "") String q) {
		return pivot.search(CallerContext.require(), q);
	}

	@PostMapping("/indicators/lookup")
	@Operation(summary = "Bulk lookup of up to 10,000 values: known or unknown, sighting counts, countries, "
			+ "and the sightings you may see")
	List<Views.LookupAnswer> lookup(@RequestBody Lookup lookup) {
		return pivot.lookup(CallerContext.require(), lookup.values());
	}

	@GetMapping("/hits")
	Page<Views.HitView> hits(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return hits.hits(CallerContext.require(), unread, PageRequest.of(page, size));
	}

	@GetMapping("/hits/{id}")
	Views.HitView hit(@PathVariable UUID id) {
		return hits.open(CallerContext.require(), id);
	}

	@PostMapping("/hits/{id}/access-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask the owner of the related record for access to it")
	Views.AccessRequestView requestAccess(@PathVariable UUID id, @RequestBody Reason reason) {
		return access.request(CallerContext.require(), id, reason.reason(), reason.holder());
	}

	@GetMapping("/access-requests")
	List<Views.AccessRequestView> accessRequests(@RequestParam(defaultValue = "incoming") String direction) {
		CallerContext caller = CallerContext.require();
		return switch (direction) {
			case "incoming" -> access.incoming(caller);
			case "outgoing" -> access.outgoing(caller);
			default -> throw new IllegalArgumentException("direction must be incoming or outgoing");
		};
	}

	@PostMapping("/access-requests/{id}/grant")
	Views.AccessRequestView grant(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision decision) {
		return access.grant(CallerContext.require(), id, decision == null ? null : decision.note());
	}

	@PostMapping("/access-requests/{id}/decline")
	Views.AccessRequestView decline(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision decision) {
		return access.decline(CallerContext.require(), id, decision == null ? null : decision.note());
	}

	@GetMapping("/clusters/{id}")
	@Operation(summary = "A cluster of linked records: nodes (records, linking indicators), edges, timeline")
	Views.ClusterGraph cluster(@PathVariable long id) {
		return clusters.cluster(CallerContext.require(), id);
	}
}
