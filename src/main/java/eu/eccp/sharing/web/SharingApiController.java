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
import eu.eccp.sharing.internal.MispImport;
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
	private final MispImport mispImports;

	SharingApiController(SharingAgreements agreements, StixImport imports, FeedSources feeds, MispImport mispImports) {
		this.agreements = agreements;
		this.imports = imports;
		this.feeds = feeds;
		this.mispImports = mispImports;
	}

	@GetMapping("/feeds")
	@Operation(summary = "The organisation's feed sources (TAXII collections, MISP feeds) with their progress and errors")
	List<FeedSourceView> feeds() {
		return feeds.list(CallerContext.require());
	}

	@PostMapping("/feeds")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a remote TAXII 2.1 collection (kind TAXII, the default) or MISP feed (kind MISP) to pull from")
	FeedSourceView addFeed(@RequestBody FeedSourceDraft draft) {
		return feeds.add(CallerContext.require(), draft);
	}

	@GetMapping("/feeds/{id}")
	FeedSourceView feed(@PathVariable UUID id) {
		return feeds.find(CallerContext.require(), id);
	}

	@org.springframework.web.bind.annotation.PutMapping("/feeds/{id}")
	@Operation(summary = "Change a source (a blank secret keeps the stored one; a new address needs the secret again)")
	FeedSourceView updateFeed(@PathVariable UUID id, @RequestBody FeedSourceDraft draft) {
		return feeds.update(CallerContext.require(), id, draft);
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
		return imports.importBundle(CallerContext.require(), request.getInputStream(), marking(tlp));
	}

	@PostMapping("/imports/misp")
	@Operation(summary = "Import a MISP event JSON file ({\"Event\": ...}) into the caller's organisation: attributes of "
			+ "known types become sightings of source kind FEED with their tlp:* tags as marking; each bad attribute is "
			+ "rejected with its reason, the others imported",
			description = "tlp: the marking of attributes whose event and attribute carry no tlp:* tag (default AMBER)")
	ImportReport importMisp(HttpServletRequest request, @RequestParam(required = false) @Nullable String tlp)
			throws java.io.IOException {
		return mispImports.importEvent(CallerContext.require(), request.getInputStream(), marking(tlp));
	}

	static Tlp marking(@Nullable String tlp) {
		try {
			return tlp == null || tlp.isBlank() ? Tlp.AMBER : Tlp.parse(tlp);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("tlp", "sharing.error.tlp");
		}
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
