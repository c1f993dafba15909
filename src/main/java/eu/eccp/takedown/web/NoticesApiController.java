package eu.eccp.takedown.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.shared.CallerContext;
import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.internal.NoticeDraft;
import eu.eccp.takedown.internal.Notices;
import eu.eccp.takedown.internal.StoredNotice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Notices and removal orders: sent from an item, read and answered by the host (or recorded by the sender for a
 * host answering by e-mail).
 */
@RestController
@Tag(name = "Illegal content")
class NoticesApiController {

	private final Notices notices;

	NoticesApiController(Notices notices) {
		this.notices = notices;
	}

	record AnswerBody(@Nullable String reason, @Nullable String text) {
	}

	@PostMapping(path = "/api/v1/content-items/{id}/notices", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a notice (kind NOTICE, DSA Art. 16) or a removal order (kind REMOVAL_ORDER, "
			+ "Regulation (EU) 2021/784 Annex I) to the item's host: its inbox on the platform, else its abuse address")
	ResponseEntity<StoredNotice> send(@PathVariable UUID id, @RequestBody NoticeDraft draft) {
		StoredNotice notice = notices.send(CallerContext.require(), new ItemId(id), draft);
		return ResponseEntity.created(URI.create("/api/v1/takedown-notices/" + notice.id())).body(notice);
	}

	@GetMapping("/api/v1/content-items/{id}/notices")
	List<StoredNotice> ofItem(@PathVariable UUID id) {
		return notices.ofItem(CallerContext.require(), new ItemId(id));
	}

	@GetMapping("/api/v1/takedown-notices")
	@Operation(summary = "Notices your organisation received as host (box=received) or sent (box=sent)")
	List<StoredNotice> list(@RequestParam(defaultValue = "received") String box) {
		CallerContext caller = CallerContext.require();
		return switch (box) {
			case "received" -> notices.received(caller);
			case "sent" -> notices.sent(caller);
			default -> throw new IllegalArgumentException("box must be received or sent");
		};
	}

	@GetMapping("/api/v1/takedown-notices/{id}")
	StoredNotice notice(@PathVariable UUID id) {
		return notices.view(CallerContext.require(), id);
	}

	@GetMapping("/api/v1/takedown-notices/{id}/xarf")
	@Operation(summary = "The notice as XARF v4 JSON")
	ResponseEntity<String> xarf(@PathVariable UUID id) {
		StoredNotice notice = notices.view(CallerContext.require(), id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.header("Content-Disposition", ContentDisposition.attachment().filename(notice.reference() + ".xarf.json").build().toString())
			.body(notice.xarf());
	}

	@PostMapping("/api/v1/takedown-notices/{id}/{answer}")
	@Operation(summary = "The host's answer: receipt (confirm receipt), acknowledge, removed, refuse (with a reason), "
			+ "counter-notice (with the content provider's text)")
	StoredNotice answer(@PathVariable UUID id, @PathVariable String answer, @RequestBody(required = false) @Nullable AnswerBody body) {
		StoredNotice.Answer parsed;
		try {
			parsed = StoredNotice.Answer.valueOf(answer.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new eu.eccp.shared.RecordNotFoundException("No such answer.");
		}
		String text = body == null ? null : parsed == StoredNotice.Answer.REFUSE ? body.reason() : body.text();
		return notices.answer(CallerContext.require(), id, parsed, text);
	}
}
