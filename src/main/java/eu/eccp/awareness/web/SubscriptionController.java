package eu.eccp.awareness.web;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.eccp.awareness.internal.AdvisoryLanguage;
import eu.eccp.awareness.internal.SubscriptionMail;
import eu.eccp.awareness.internal.SubscriptionRateLimit;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Subscribing by e-mail: the form, the confirmation link (a page with a button, so that a mail scanner fetching
 * the link confirms nothing), and unsubscribing: the link shows a button, and a POST to the same address
 * unsubscribes at once — what mail programs send for RFC 8058's one-click {@code List-Unsubscribe-Post}.
 */
@Controller
class SubscriptionController {

	private final SubscriptionMail subscriptions;
	private final SubscriptionRateLimit limit;

	SubscriptionController(SubscriptionMail subscriptions, SubscriptionRateLimit limit) {
		this.subscriptions = subscriptions;
		this.limit = limit;
	}

	@GetMapping("/advisories/subscription")
	String form(Locale locale, Model model) {
		return formPage(model, AdvisoryLanguage.of(locale).code(), "", "", Map.of());
	}

	@PostMapping("/advisories/subscription")
	String subscribe(@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String language, @RequestParam(required = false) @Nullable String country,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			if (!limit.tryConsume(request.getRemoteAddr())) {
				throw new TooManyRequestsException();
			}
			subscriptions.subscribe(email, language, country);
			model.addAttribute("messageKey", "awareness.subscribe.checkMail");
			return "advisories/subscription-done";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(model, language, email, country, e.fieldErrors());
		}
		catch (TooManyRequestsException e) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return formPage(model, language, email, country, Map.of("email", "awareness.subscribe.tooMany"));
		}
	}

	private String formPage(Model model, @Nullable String language, @Nullable String email, @Nullable String country,
			Map<String, String> errors) {
		model.addAttribute("email", email == null ? "" : email);
		model.addAttribute("selectedLanguage", language == null ? "en" : language);
		model.addAttribute("selectedCountry", country == null ? "" : country);
		model.addAttribute("languages", AdvisoryLanguage.values());
		model.addAttribute("countries", new TreeSet<>(CountryCode.EU_MEMBER_STATES));
		model.addAttribute("errors", errors);
		return "advisories/subscription";
	}

	@GetMapping("/advisories/subscription/confirm/{token}")
	String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!subscriptions.confirmable(token)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("messageKey", "awareness.subscribe.unknownLink");
			return "advisories/subscription-done";
		}
		model.addAttribute("token", token);
		model.addAttribute("action", "confirm");
		return "advisories/subscription-step";
	}

	@PostMapping("/advisories/subscription/confirm/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		if (subscriptions.confirm(token).isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("messageKey", "awareness.subscribe.unknownLink");
		}
		else {
			model.addAttribute("messageKey", "awareness.subscribe.confirmed");
		}
		return "advisories/subscription-done";
	}

	@GetMapping("/advisories/subscription/unsubscribe/{token}")
	String unsubscribePage(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!subscriptions.knownUnsubscribeToken(token)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("messageKey", "awareness.subscribe.unknownLink");
			return "advisories/subscription-done";
		}
		model.addAttribute("token", token);
		model.addAttribute("action", "unsubscribe");
		return "advisories/subscription-step";
	}

	/** The one-click unsubscribe (RFC 8058): a POST, with or without the form's token, ends it at once. */
	@PostMapping("/advisories/subscription/unsubscribe/{token}")
	Object unsubscribe(@PathVariable String token, @RequestParam(name = "List-Unsubscribe", required = false) @Nullable String oneClick,
			Model model, HttpServletResponse response) {
		boolean known = subscriptions.unsubscribe(token);
		if ("One-Click".equals(oneClick)) {
			return ResponseEntity.status(known ? HttpStatus.OK : HttpStatus.NOT_FOUND).build();
		}
		if (!known) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("messageKey", "awareness.subscribe.unknownLink");
		}
		else {
			model.addAttribute("messageKey", "awareness.subscribe.unsubscribed");
		}
		return "advisories/subscription-done";
	}
}
