package eu.eccp.notifications.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.notifications.internal.NoticeInbox;
import eu.eccp.notifications.internal.NoticeView;
import eu.eccp.notifications.internal.NotificationSettings;
import eu.eccp.notifications.internal.WebhookEndpoints;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Notifications over the API: the caller's inbox, their organisation's e-mail settings and webhooks (admins). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications")
class NotificationsApiController {

	private final NoticeInbox inbox;
	private final NotificationSettings settings;
	private final WebhookEndpoints webhooks;

	NotificationsApiController(NoticeInbox inbox, NotificationSettings settings, WebhookEndpoints webhooks) {
		this.inbox = inbox;
		this.settings = settings;
		this.webhooks = webhooks;
	}

	/** E-mail settings: addresses and topics (empty: every topic; urgent notices are always mailed). */
	/** {@code mailLanguage}: en, fr or de; omitted keeps the current one. */
	record MailSettingsForm(@Nullable List<String> mailAddresses, @Nullable List<String> mailTopics,
			@Nullable String mailLanguage) {
	}

	@GetMapping("/notifications")
	@Operation(summary = "The caller's notices (their organisation's and their own), unread urgent ones first")
	Page<NoticeView> notices(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return inbox.notices(CallerContext.require(), unread, PageRequest.of(page, size));
	}

	@GetMapping("/notifications/unread-count")
	Map<String, Long> unreadCount() {
		return Map.of("unread", inbox.count(CallerContext.require()));
	}

	@PostMapping("/notifications/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark one notice read (for the caller only)")
	void read(@PathVariable UUID id) {
		inbox.markRead(CallerContext.require(), id);
	}

	@PostMapping("/notifications/read-all")
	@Operation(summary = "Mark every unread notice of the caller read")
	Map<String, Integer> readAll() {
		return Map.of("marked", inbox.markAllRead(CallerContext.require()));
	}

	@GetMapping("/notification-settings")
	@Operation(summary = "Where the organisation's notices are e-mailed (admins)")
	NotificationSettings.MailSettings mailSettings() {
		return settings.mailSettings(CallerContext.require());
	}

	@PutMapping("/notification-settings")
	NotificationSettings.MailSettings updateMailSettings(@RequestBody MailSettingsForm form) {
		return settings.updateMailSettings(CallerContext.require(), form.mailAddresses(), form.mailTopics(),
				form.mailLanguage());
	}

	@GetMapping("/notification-settings/mail-log")
	List<NotificationSettings.MailDeliveryView> mailLog() {
		return settings.mailLog(CallerContext.require());
	}

	@GetMapping("/webhooks")
	@Operation(summary = "The organisation's webhook endpoints (admins)")
	List<WebhookEndpoints.EndpointView> webhooks() {
		return webhooks.list(CallerContext.require());
	}

	@PostMapping("/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an endpoint; the answer carries its signing secret, shown only this once")
	WebhookEndpoints.EndpointWithSecret create(@RequestBody WebhookEndpoints.EndpointForm form) {
		return webhooks.create(CallerContext.require(), form);
	}

	@GetMapping("/webhooks/{id}")
	WebhookEndpoints.EndpointView webhook(@PathVariable UUID id) {
		return webhooks.find(CallerContext.require(), id);
	}

	@PutMapping("/webhooks/{id}")
	@Operation(summary = "Change an endpoint's URL, topics or active flag (fields left out stay)")
	WebhookEndpoints.EndpointView update(@PathVariable UUID id, @RequestBody WebhookEndpoints.EndpointForm form) {
		return webhooks.update(CallerContext.require(), id, form);
	}

	@DeleteMapping("/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		webhooks.delete(CallerContext.require(), id);
	}

	@PostMapping("/webhooks/{id}/rotate-secret")
	@Operation(summary = "Replace the signing secret; the new one is shown only this once")
	WebhookEndpoints.EndpointWithSecret rotate(@PathVariable UUID id) {
		return webhooks.rotateSecret(CallerContext.require(), id);
	}

	@GetMapping("/webhooks/{id}/deliveries")
	@Operation(summary = "The endpoint's delivery log: every delivery with each attempt")
	Page<WebhookEndpoints.DeliveryView> deliveries(@PathVariable UUID id,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return webhooks.deliveries(CallerContext.require(), id, PageRequest.of(page, size));
	}

	@PostMapping("/webhooks/deliveries/{id}/retry")
	@Operation(summary = "Send a delivery again (a fresh round of attempts)")
	WebhookEndpoints.DeliveryView retry(@PathVariable UUID id) {
		return webhooks.retry(CallerContext.require(), id);
	}
}
