package eu.eccp.takedown.web;

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

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.internal.Assessment;
import eu.eccp.takedown.internal.AssessmentDraft;
import eu.eccp.takedown.internal.Assessments;
import eu.eccp.takedown.internal.ItemStatus;
import eu.eccp.takedown.internal.ItemViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Items: one reported web address each, seen by the organisations taking part in it. */
@RestController
@RequestMapping("/api/v1/content-items")
@Tag(name = "Illegal content")
class ItemsApiController {

	private final ItemViews views;
	private final Assessments assessments;

	ItemsApiController(ItemViews views, Assessments assessments) {
		this.views = views;
		this.assessments = assessments;
	}

	@GetMapping
	@Operation(summary = "Items your organisation takes part in (handles, reported, was forwarded); filters: status, q "
			+ "(part of the address), handled=true for those your organisation handles")
	Page<TakedownJson.ItemSummary> list(@RequestParam(required = false) @Nullable ItemStatus status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "false") boolean handled,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return views.list(CallerContext.require(), status, q, handled, PageRequest.of(page, size))
			.map(TakedownJson.ItemSummary::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "An item: parties, timeline, assessments, media hashes, and where its category is illegal")
	TakedownJson.ItemDetailDto item(@PathVariable UUID id) {
		return TakedownJson.ItemDetailDto.of(views.detail(CallerContext.require(), new ItemId(id)));
	}

	@PostMapping("/{id}/assessments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Assess an item (hotline analysts of the handling organisation); four-eyes categories wait "
			+ "for a second analyst's confirmation")
	Assessment assess(@PathVariable UUID id, @RequestBody AssessmentDraft draft) {
		return assessments.assess(CallerContext.require(), new ItemId(id), draft);
	}

	@PostMapping("/{id}/assessments/{assessmentId}/confirm")
	@Operation(summary = "Confirm a colleague's assessment (a second analyst of the same organisation)")
	Assessment confirm(@PathVariable UUID id, @PathVariable UUID assessmentId) {
		return assessments.confirm(CallerContext.require(), new ItemId(id), assessmentId);
	}
}
