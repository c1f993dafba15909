package eu.eccp.notifications.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.notifications.internal.NoticeInbox;
import eu.eccp.notifications.internal.NotificationSettings;
import eu.eccp.notifications.internal.NotificationsProperties;
import eu.eccp.notifications.internal.WebhookEndpoints;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The inbox ({@code /notifications}) and an organisation's notification settings for its admins. */
@Controller
class NotificationsController {

	private final NoticeInbox inbox;
	private final NotificationSettings settings;
	private final WebhookEndpoints webhooks;
	private final NotificationsProperties properties;

	NotificationsController(NoticeInbox inbox, NotificationSettings settings, WebhookEndpoints webhooks,
			NotificationsProperties properties) {
		this.inbox = inbox;
		this.settings = settings;
		this.webhooks = webhooks;
		this.properties = properties;
	}

	/** The settings page's forms: addresses and topics as typed (one per line or separated by commas). */
	record MailForm(@Nullable String mailAddresses, @Nullable String mailTopics, @Nullable String mailLanguage) {
	}

	record EndpointForm(@Nullable String url, @Nullable String topics, @Nullable Boolean active) {

		WebhookEndpoints.EndpointForm toEndpoint() {
			return new WebhookEndpoints.EndpointForm(url, topics == null ? List.of() : List.of(topics),
					active != null && active);
		}
	}

	@GetMapping("/notifications")
	String inbox(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean unread,
			Model model) {
		model.addAttribute("notices", inbox.notices(CallerContext.require(), unread, new PageRequest(Math.max(page, 0), 50)));
		model.addAttribute("unread", unread);
		return "notifications/inbox";
	}

	@GetMapping("/notifications/{id}")
	String open(@PathVariable UUID id) {
		return "redirect:" + inbox.open(CallerContext.require(), id);
	}

	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean unread) {
		inbox.markRead(CallerContext.require(), id);
		return "redirect:/notifications" + (unread ? "?unread=true" : "");
	}

	@PostMapping("/notifications/read-all")
	String readAll(RedirectAttributes redirect) {
		inbox.markAllRead(CallerContext.require());
		redirect.addFlashAttribute("notice", "notifications.allRead");
		return "redirect:/notifications";
	}

	// --- settings (admins of the organisation)

	@GetMapping("/settings/notifications")
	String settings(Model model) {
		CallerContext me = CallerContext.require();
		NotificationSettings.MailSettings mail = settings.mailSettings(me);
		model.addAttribute("mailForm", new MailForm(String.join("\n", mail.mailAddresses()), String.join(", ", mail.mailTopics()),
				mail.mailLanguage()));
		return settingsPage(me, model, Map.of(), Map.of());
	}

	@PostMapping("/settings/notifications/mail")
	String saveMail(MailForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CallerContext me = CallerContext.require();
		try {
			settings.updateMailSettings(me, lines(form.mailAddresses()), lines(form.mailTopics()), form.mailLanguage());
			redirect.addFlashAttribute("notice", "notifications.settings.saved");
			return "redirect:/settings/notifications";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("mailForm", form);
			return settingsPage(me, model, e.fieldErrors(), Map.of());
		}
	}

	@PostMapping("/settings/notifications/webhooks")
	String createWebhook(EndpointForm form, Model model, HttpServletResponse response) {
		CallerContext me = CallerContext.require();
		mailForm(me, model);
		try {
			model.addAttribute("issued", webhooks.create(me, form.toEndpoint()));
			return settingsPage(me, model, Map.of(), Map.of());
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("endpointForm", form);
			return settingsPage(me, model, Map.of(), e.fieldErrors());
		}
	}

	@PostMapping("/settings/notifications/webhooks/{id}/active")
	String activate(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
		webhooks.update(CallerContext.require(), id, new WebhookEndpoints.EndpointForm(null, null, active));
		redirect.addFlashAttribute("notice", "notifications.settings.saved");
		return "redirect:/settings/notifications";
	}

	@PostMapping("/settings/notifications/webhooks/{id}/rotate")
	String rotate(@PathVariable UUID id, Model model) {
		CallerContext me = CallerContext.require();
		mailForm(me, model);
		model.addAttribute("issued", webhooks.rotateSecret(me, id));
		return settingsPage(me, model, Map.of(), Map.of());
	}

	@PostMapping("/settings/notifications/webhooks/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		webhooks.delete(CallerContext.require(), id);
		redirect.addFlashAttribute("notice", "notifications.webhook.deleted");
		return "redirect:/settings/notifications";
	}

	@GetMapping("/settings/notifications/webhooks/{id}")
	String deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		CallerContext me = CallerContext.require();
		model.addAttribute("endpoint", webhooks.find(me, id));
		model.addAttribute("deliveries", webhooks.deliveries(me, id, new PageRequest(Math.max(page, 0), 50)));
		return "notifications/deliveries";
	}

	@PostMapping("/settings/notifications/deliveries/{id}/retry")
	String retry(@PathVariable UUID id, RedirectAttributes redirect) {
		WebhookEndpoints.DeliveryView delivery = webhooks.retry(CallerContext.require(), id);
		redirect.addFlashAttribute("notice", "notifications.delivery.retried");
		return "redirect:/settings/notifications/webhooks/" + delivery.endpointId();
	}

	private void mailForm(CallerContext me, Model model) {
		NotificationSettings.MailSettings mail = settings.mailSettings(me);
		model.addAttribute("mailForm", new MailForm(String.join("\n", mail.mailAddresses()), String.join(", ", mail.mailTopics()),
				mail.mailLanguage()));
	}

	private String settingsPage(CallerContext me, Model model, Map<String, String> mailErrors,
			Map<String, String> endpointErrors) {
		model.addAttribute("webhooks", webhooks.list(me));
		model.addAttribute("mailLog", settings.mailLog(me).stream().limit(20).toList());
		model.addAttribute("mailErrors", mailErrors);
		model.addAttribute("endpointErrors", endpointErrors);
		if (!model.containsAttribute("endpointForm")) {
			model.addAttribute("endpointForm", new EndpointForm("", "", true));
		}
		model.addAttribute("maxAttempts", properties.webhooks().maxAttempts());
		return "notifications/settings";
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of() : Arrays.asList(text.split("[\\r\\n]+"));
	}
}
