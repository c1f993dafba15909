package eu.eccp.sharing.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Tlp;
import eu.eccp.sharing.internal.FeedSourceDraft;
import eu.eccp.sharing.internal.FeedSourceView;
import eu.eccp.sharing.internal.FeedSources;
import eu.eccp.sharing.internal.ImportReport;
import eu.eccp.sharing.internal.StixImport;
import jakarta.servlet.http.HttpServletRequest;
import eu.eccp.sharing.internal.AgreementDraft;
import eu.eccp.sharing.internal.AgreementView;
import eu.eccp.sharing.internal.SharingAgreements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Sharing agreements over the API: coordinators and admins make and end them, parties read theirs. */
@RestController
@RequestMapping("/api/v1/sharing")
@Tag(name = "Sharing")
class SharingApiController {

	private final SharingAgreements agreements;
	private final StixImport imports;
	private final FeedSources feeds;

	SharingApiController(SharingAgreements agreements, StixImport imports, FeedSources feeds) {
		this.agreements = agreements;
		this.imports = imports;
		this.feeds = feeds;
	}

	@GetMapping("/feeds")
	@Operation(summary = "The organisation's TAXII sources with their progress and errors")
	List<FeedSourceView> feeds() {
		return feeds.list(CallerContext.require());
	}

	@PostMapping("/feeds")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a remote TAXII 2.1 collection to pull from (the organisation's admins)")
	FeedSourceView addFeed(@RequestBody FeedSourceDraft draft) {
		return feeds.add(CallerContext.require(), draft);
	}

	@GetMapping("/feeds/{id}")
	FeedSourceView feed(@PathVariable UUID id) {
		return feeds.find(CallerContext.require(), id);
	}

	@PostMapping("/feeds/{id}/run")
	@Operation(summary = "Pull the source as soon as a node is free")
	FeedSourceView runFeed(@PathVariable UUID id) {
		return feeds.runNow(CallerContext.require(), id);
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/feeds/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeFeed(@PathVariable UUID id) {
		feeds.remove(CallerContext.require(), id);
	}

	@PostMapping("/imports/stix")
	@Operation(summary = "Import a STIX 2.1 bundle (or TAXII envelope) into the caller's organisation: indicators become "
			+ "sightings of source kind FEED; each bad object is rejected with its reason, the others imported",
			description = "tlp: the marking of objects that carry no TLP marking of their own (default AMBER)")
	ImportReport importStix(HttpServletRequest request, @RequestParam(required = false) @Nullable String tlp)
			throws java.io.IOException {
		Tlp marking;
		try {
			marking = tlp == null || tlp.isBlank() ? Tlp.AMBER : Tlp.parse(tlp);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("tlp", "sharing.error.tlp");
		}
		return imports.importBundle(CallerContext.require(), request.getInputStream(), marking);
	}

	@GetMapping("/agreements")
	@Operation(summary = "The agreements the caller's organisation is party to (coordinators, the platform's admins and auditors: all)")
	List<AgreementView> list() {
		return agreements.visible(CallerContext.require());
	}

	@PostMapping("/agreements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Make an agreement (coordinators, the platform's admins; an organisation's admin for its own organisation)")
	AgreementView create(@RequestBody AgreementDraft draft) {
		return agreements.create(CallerContext.require(), draft);
	}

	@GetMapping("/agreements/{id}")
	AgreementView find(@PathVariable UUID id) {
		return agreements.find(CallerContext.require(), id);
	}

	@PostMapping("/agreements/{id}/end")
	@Operation(summary = "End an agreement at once: its collection and feed stop answering")
	AgreementView end(@PathVariable UUID id) {
		return agreements.end(CallerContext.require(), id);
	}
}
