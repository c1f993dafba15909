package eu.eccp.takedown.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
import eu.eccp.takedown.internal.BlockListProposing;
import eu.eccp.takedown.internal.Assessments;
import eu.eccp.takedown.internal.Forwarding;
import eu.eccp.takedown.internal.Hosting;
import eu.eccp.takedown.internal.HostingDraft;
import eu.eccp.takedown.internal.HostingLocation;
import eu.eccp.takedown.internal.ItemPreservations;
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
	private final Hosting hosting;
	private final Forwarding forwarding;
	private final BlockListProposing blockList;
	private final ItemPreservations preservations;

	ItemsApiController(ItemViews views, Assessments assessments, Hosting hosting, Forwarding forwarding,
			BlockListProposing blockList, ItemPreservations preservations) {
		this.preservations = preservations;
		this.blockList = blockList;
		this.views = views;
		this.assessments = assessments;
		this.hosting = hosting;
		this.forwarding = forwarding;
	}

	record ForwardResult(TakedownJson.@Nullable OrgDto forwardedTo, boolean blockListCandidate) {
	}

	@PutMapping("/{id}/hosting")
	@Operation(summary = "Record where the item is hosted: country, host provider, the host's organisation on the "
			+ "platform or its abuse e-mail, its language for notices, whether it is behind a CDN")
	HostingLocation recordHosting(@PathVariable UUID id, @RequestBody HostingDraft draft) {
		return hosting.record(CallerContext.require(), new ItemId(id), draft);
	}

	@PostMapping("/{id}/forward")
	@Operation(summary = "Forward an assessed item to the hotline of its hosting country (outside the EU with no "
			+ "host on the platform: mark it as a candidate for the EU block list)")
	ForwardResult forward(@PathVariable UUID id) {
		Forwarding.Outcome outcome = forwarding.forward(CallerContext.require(), new ItemId(id));
		return new ForwardResult(outcome.to() == null ? null : new TakedownJson.OrgDto(outcome.to().id().value(),
				outcome.to().name(), outcome.to().shortName(), outcome.to().country().value()), outcome.blockListCandidate());
	}

	/** The stop page's text, when the analyst changes the text pre-filled for the category. */
	record StopPageText(@Nullable String en, @Nullable String fr, @Nullable String de) {
	}

	/** A block-list proposal from the item: whether the host is dedicated to the content, and the stop page's text. */
	record BlockListProposalRequest(@Nullable Boolean dedicatedHost, @Nullable StopPageText stopPage) {
	}

	@PostMapping("/{id}/block-list-proposals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Propose an EU block-list entry from an item assessed as illegal that was not removed (hosted "
			+ "outside the EU, or past a notice's deadline): the whole host when dedicatedHost, else the address with "
			+ "everything under it; the countries where the legality matrix makes it illegal; reason HOSTED_OUTSIDE_EU "
			+ "or REMOVAL_DEADLINE_PASSED; the stop page pre-filled per category unless given. A block-list officer "
			+ "other than the proposer must approve it before it is published")
	BlockListProposing.Proposal proposeForBlockList(@PathVariable UUID id,
			@RequestBody(required = false) @Nullable BlockListProposalRequest request) {
		StopPageText text = request == null || request.stopPage() == null ? new StopPageText(null, null, null)
				: request.stopPage();
		return blockList.propose(CallerContext.require(), new ItemId(id), new BlockListProposing.ProposalDraft(
				request == null ? null : request.dedicatedHost(), text.en(), text.fr(), text.de()));
	}

	@GetMapping("/{id}/block-list-proposals")
	@Operation(summary = "The block-list proposals made from an item, and whether (and why) it can be proposed now")
	BlockListState blockListState(@PathVariable UUID id) {
		ItemViews.ItemDetail detail = views.detail(CallerContext.require(), new ItemId(id));
		BlockListProposing.Eligibility eligibility = blockList.eligibility(detail.item());
		return new BlockListState(eligibility.eligible(), eligibility.reason(), eligibility.countries(),
				blockList.ofItem(new ItemId(id)));
	}

	record BlockListState(boolean proposable, BlockListProposing.@Nullable Reason reason, java.util.Set<String> countries,
			java.util.List<BlockListProposing.Proposal> proposals) {
	}

	@PostMapping("/{id}/preservation-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask the item's host (an organisation on the platform with a directory entry) to preserve the "
			+ "evidence before removal (Regulation (EU) 2021/784 Art. 6): an urgent PRESERVATION request of the 24/7 "
			+ "network for the item's address, linked back to the item; facts and necessity are pre-filled unless given "
			+ "(analysts, contact-point officers, coordinators taking part in the item)")
	ItemPreservations.Preservation requestPreservation(@PathVariable UUID id,
			@RequestBody(required = false) ItemPreservations.@Nullable PreservationDraft draft, java.util.Locale locale) {
		return preservations.request(CallerContext.require(), new ItemId(id),
				draft == null ? new ItemPreservations.PreservationDraft(null, null, null) : draft, locale);
	}

	@GetMapping("/{id}/preservation-requests")
	@Operation(summary = "The preservation requests opened from an item")
	java.util.List<ItemPreservations.Preservation> preservations(@PathVariable UUID id) {
		CallerContext caller = CallerContext.require();
		views.detail(caller, new ItemId(id));
		return preservations.ofItem(caller, new ItemId(id));
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
