package eu.eccp.contactpoints.web;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import eu.eccp.contactpoints.RequestId;
import eu.eccp.contactpoints.internal.RequestDraft;
import eu.eccp.contactpoints.internal.RequestViews;
import eu.eccp.contactpoints.internal.RequestLifecycle;
import eu.eccp.contactpoints.internal.RequestThread;
import eu.eccp.contactpoints.internal.UrgentRequests;
import eu.eccp.shared.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Uploads;

/**
 * Urgent requests over the API: sending, one POST per transition, the message thread. Requests of other
 * organisations answer 404; illegal transitions 409; unacceptable fields 422 with {@code errors}.
 */
@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Urgent requests")
class RequestsApiController {

	private final UrgentRequests requests;
	private final RequestLifecycle lifecycle;
	private final RequestThread thread;

	RequestsApiController(UrgentRequests requests, RequestLifecycle lifecycle, RequestThread thread) {
		this.requests = requests;
		this.lifecycle = lifecycle;
		this.thread = thread;
	}

	/** How a request was fulfilled: {@code partial} when only part of it could be done. */
	record Fulfilment(@Nullable Boolean partial, @Nullable String note) {
	}

	record Refusal(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String reason) {
	}

	record MessageText(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String body,
			@Schema(implementation = Tlp.class, description = "TLP 2.0 marking; default AMBER") @Nullable String tlp) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Send an urgent request (PRESERVATION, DISCLOSURE, EMERGENCY, MUTUAL_ASSISTANCE) to an "
			+ "organisation's contact point; identifiers are validated (ACCOUNT, IP_ADDRESS with observedAt and "
			+ "timeZone, URL, PHONE, EMAIL)")
	RequestViews.RequestView send(@RequestBody RequestDraft draft) {
		return lifecycle.send(CallerContext.require(), draft);
	}

	@GetMapping
	@Operation(summary = "Requests received (incoming) and sent (outgoing) by your organisation, overdue and "
			+ "escalated ones first; direction=incoming or outgoing gives one of the two")
	RequestViews.RequestLists list(@RequestParam(required = false) @Nullable String direction) {
		RequestViews.RequestLists lists = requests.lists(CallerContext.require());
		if (direction == null || direction.isBlank()) {
			return lists;
		}
		return switch (direction) {
			case "incoming" -> new RequestViews.RequestLists(lists.incoming(), List.of());
			case "outgoing" -> new RequestViews.RequestLists(List.of(), lists.outgoing());
			default -> throw new IllegalArgumentException("direction must be incoming or outgoing");
		};
	}

	@GetMapping("/{id}")
	@Operation(summary = "One request, with its deadlines, escalation and the actions you may take")
	RequestViews.RequestView get(@PathVariable UUID id) {
		return requests.open(CallerContext.require(), new RequestId(id));
	}

	@PostMapping("/{id}/acknowledge")
	@Operation(summary = "Recipient: confirm receipt (a preservation is kept from now)")
	RequestViews.RequestView acknowledge(@PathVariable UUID id) {
		return lifecycle.acknowledge(CallerContext.require(), new RequestId(id));
	}

	@PostMapping("/{id}/start")
	@Operation(summary = "Recipient: start working on an acknowledged request")
	RequestViews.RequestView start(@PathVariable UUID id) {
		return lifecycle.start(CallerContext.require(), new RequestId(id));
	}

	@PostMapping("/{id}/fulfil")
	@Operation(summary = "Recipient: the request is done ({\"partial\":true} if only in part)")
	RequestViews.RequestView fulfil(@PathVariable UUID id, @RequestBody(required = false) @Nullable Fulfilment fulfilment) {
		return lifecycle.fulfil(CallerContext.require(), new RequestId(id),
				fulfilment != null && Boolean.TRUE.equals(fulfilment.partial()), fulfilment == null ? null : fulfilment.note());
	}

	@PostMapping("/{id}/refuse")
	@Operation(summary = "Recipient: refuse the request; a reason is required")
	RequestViews.RequestView refuse(@PathVariable UUID id, @RequestBody(required = false) @Nullable Refusal refusal) {
		return lifecycle.refuse(CallerContext.require(), new RequestId(id), refusal == null ? null : refusal.reason());
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Requester: withdraw an open request")
	RequestViews.RequestView withdraw(@PathVariable UUID id) {
		return lifecycle.withdraw(CallerContext.require(), new RequestId(id));
	}

	@PostMapping("/{id}/extend")
	@Operation(summary = "Requester: extend a preservation that has not lapsed")
	RequestViews.RequestView extend(@PathVariable UUID id) {
		return lifecycle.extend(CallerContext.require(), new RequestId(id));
	}

	@GetMapping("/{id}/messages")
	@Operation(summary = "The message thread (TLP:RED messages only for their author's organisation)")
	List<RequestViews.MessageView> messages(@PathVariable UUID id) {
		return thread.messages(CallerContext.require(), new RequestId(id));
	}

	@PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a message: body and TLP marking (default TLP:AMBER)")
	RequestViews.MessageView post(@PathVariable UUID id, @RequestBody MessageText message) {
		return thread.post(CallerContext.require(), new RequestId(id), message.body(), message.tlp(), List.of());
	}

	@PostMapping(path = "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a message with attachments: parts body, tlp and files")
	RequestViews.MessageView postWithFiles(@PathVariable UUID id, @RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String tlp,
			@RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files) {
		return thread.post(CallerContext.require(), new RequestId(id), body, tlp, Uploads.of(files));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download an attachment (always as a file, never shown inline)")
	ResponseEntity<InputStreamResource> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		return RequestDownloads.attachment(thread.download(CallerContext.require(), new RequestId(id), attachmentId));
	}

}
