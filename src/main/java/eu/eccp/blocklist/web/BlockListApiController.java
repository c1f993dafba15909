package eu.eccp.blocklist.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.blocklist.EntryReference;
import eu.eccp.blocklist.ProposedEntry;
import eu.eccp.blocklist.internal.BlockListDistribution;
import eu.eccp.blocklist.internal.BlockListEntries;
import eu.eccp.blocklist.internal.EntryStatus;
import eu.eccp.blocklist.internal.IspSyncs;
import eu.eccp.blocklist.internal.ReviewRequests;
import eu.eccp.blocklist.isp.PublishedKey;
import eu.eccp.blocklist.isp.SignatureHeader;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The block list over the API. ISPs (PARTNER of a subscribed ISP): {@code GET /api/v1/blocklist/{country}}
 * (full list, or {@code ?since=V} the delta; 410 when V is too old, 409 when newer than the list), its
 * {@code /rpz} zone when their agreement allows it, {@code POST …/applied}, and the signing keys at
 * {@code /keys}. Documents are {@code text/plain} with a detached Ed25519 signature in the
 * {@code ECCP-Signature} header. Entries, reviews, subscriptions and ISP status for proposers, block-list
 * officers and coordinators.
 */
@RestController
@RequestMapping("/api/v1/blocklist")
@Tag(name = "Block list")
class BlockListApiController {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final BlockListEntries entries;

	private final BlockListDistribution distribution;

	private final IspSyncs syncs;

	private final ReviewRequests reviews;

	BlockListApiController(BlockListEntries entries, BlockListDistribution distribution, IspSyncs syncs,
			ReviewRequests reviews) {
		this.entries = entries;
		this.distribution = distribution;
		this.syncs = syncs;
		this.reviews = reviews;
	}

	static String country(String text) {
		String code = text.toUpperCase(Locale.ROOT);
		if (!CountryCode.EU_MEMBER_STATES.contains(code)) {
			throw new RecordNotFoundException("no block list for " + text);
		}
		return code;
	}

	private static ResponseEntity<byte[]> signed(BlockListDistribution.Document doc) {
		return ResponseEntity.ok()
			.contentType(TEXT)
			.header(SignatureHeader.NAME, doc.signature())
			.header("ECCP-Version", Long.toString(doc.version()))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(doc.body());
	}

	@GetMapping(path = "/{country:[A-Za-z]{2}}", produces = "text/plain")
	@Operation(summary = "The country's list (full), or with since=V the additions and removals since version V; "
			+ "signed (ECCP-Signature header). 410: V too old, fetch the full list. For subscribed ISPs.")
	ResponseEntity<byte[]> list(@PathVariable String country, @RequestParam(required = false) @Nullable Long since) {
		return signed(distribution.list(CallerContext.require(), country(country), since));
	}

	@GetMapping(path = "/{country:[A-Za-z]{2}}/rpz", produces = "text/plain")
	@Operation(summary = "RPZ zone of the country's whole-host entries, for ISPs whose agreement allows it (signed)")
	ResponseEntity<byte[]> rpz(@PathVariable String country) {
		return signed(distribution.rpz(CallerContext.require(), country(country)));
	}

	record AppliedVersion(@Nullable Long version) {
	}

	@PostMapping("/{country:[A-Za-z]{2}}/applied")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Confirms the version of the country's list the ISP now applies")
	void applied(@PathVariable String country, @RequestBody AppliedVersion applied) {
		if (applied.version() == null) {
			throw new InvalidRequestException("version", "blocklist.error.version");
		}
		syncs.confirm(CallerContext.require(), country(country), applied.version());
	}

	@GetMapping(path = "/keys", produces = "text/plain")
	@Operation(summary = "The signing keys with their validity (signed by each listed key the platform holds)")
	ResponseEntity<byte[]> keys() {
		return signed(distribution.keys());
	}

	record SigningKeyView(String id, String algorithm, String publicKey, String validFrom, @Nullable String validUntil) {
	}

	@PostMapping("/keys/rotation")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publishes a new signing key that signs after the overlap (block-list officers)")
	SigningKeyView rotate() {
		PublishedKey key = distribution.rotate(CallerContext.require());
		return new SigningKeyView(key.id(), PublishedKey.ALGORITHM, key.publicKeyBase64(), key.validFrom().toString(),
				key.validUntil() == null ? null : key.validUntil().toString());
	}

	@PostMapping("/entries")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Proposes an entry (hotline analysts, coordinators, block-list officers); published once "
			+ "another block-list officer approves it")
	EntryReference propose(@RequestBody ProposedEntry proposal) {
		return entries.propose(CallerContext.require(), proposal);
	}

	@GetMapping("/entries")
	@Operation(summary = "Entries (block-list officers: all; proposers: their organisation's), newest first")
	List<BlockListEntries.EntryView> entries(@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
		EntryStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = EntryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidRequestException("status", "blocklist.error.status");
			}
		}
		return entries.list(CallerContext.require(), wanted, limit, offset);
	}

	@GetMapping("/entries/{id}")
	BlockListEntries.EntryView entry(@PathVariable UUID id) {
		return entries.get(CallerContext.require(), id);
	}

	record WithdrawalReason(@Nullable String reason) {
	}

	@PostMapping("/entries/{id}/approval")
	@Operation(summary = "Approves a proposal (a block-list officer other than the proposer) and publishes it")
	BlockListEntries.EntryView approve(@PathVariable UUID id) {
		return entries.approve(CallerContext.require(), id);
	}

	@PostMapping("/entries/{id}/rejection")
	BlockListEntries.EntryView reject(@PathVariable UUID id, @RequestBody(required = false) @Nullable WithdrawalReason reason) {
		return entries.reject(CallerContext.require(), id, reason == null ? null : reason.reason());
	}

	@PostMapping("/entries/{id}/withdrawal")
	@Operation(summary = "Withdraws a published entry at once (a new version of each list holding it)")
	BlockListEntries.EntryView withdraw(@PathVariable UUID id, @RequestBody(required = false) @Nullable WithdrawalReason reason) {
		return entries.withdraw(CallerContext.require(), id, reason == null ? null : reason.reason());
	}

	@GetMapping("/isps")
	@Operation(summary = "Each subscribed ISP's applied version per country; those behind first (coordinators, officers)")
	List<IspSyncs.IspStatus> isps() {
		return syncs.status(CallerContext.require());
	}

	record IspAgreement(@Nullable Set<String> countries, @Nullable Boolean rpzAllowed) {
	}

	@PutMapping("/subscriptions/{organisationId}")
	@Operation(summary = "Sets an ISP's agreement: the countries whose lists it receives, and whether it may get RPZ")
	List<IspSyncs.Subscription> subscribe(@PathVariable UUID organisationId, @RequestBody IspAgreement request) {
		return syncs.subscribe(CallerContext.require(), new OrganisationId(organisationId),
				request.countries() == null ? Set.of() : request.countries(), Boolean.TRUE.equals(request.rpzAllowed()));
	}

	@GetMapping("/reviews")
	@Operation(summary = "Review requests from site owners, open ones by due date first (block-list officers)")
	List<ReviewRequests.ReviewView> reviews(@RequestParam(defaultValue = "false") boolean open) {
		return reviews.list(CallerContext.require(), open);
	}

	record ReviewAnswer(ReviewRequests.@Nullable Outcome outcome, @Nullable String answer) {
	}

	@PostMapping("/reviews/{id}/answer")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void answer(@PathVariable UUID id, @RequestBody ReviewAnswer answer) {
		reviews.answer(CallerContext.require(), id, answer.outcome(), answer.answer());
	}

	@ExceptionHandler
	ProblemDetail fullListRequired(BlockListDistribution.FullListRequiredException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
		problem.setTitle("Fetch the full list");
		return problem;
	}
}
