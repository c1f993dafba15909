package eu.eccp.blocklist.web;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import eu.eccp.blocklist.internal.ReviewRequests;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public stop page an ISP sends blocked users to ({@code /blocklist/stop/REFERENCE}): why the page is
 * blocked, in the reader's language (en, fr, de), its reference code, and the form with which a site owner
 * asks for review.
 */
@Controller
@RequestMapping("/blocklist")
class StopPageController {

	private final ReviewRequests reviews;

	StopPageController(ReviewRequests reviews) {
		this.reviews = reviews;
	}

	private static String language(Locale locale) {
		String lang = locale.getLanguage();
		return lang.equals("fr") || lang.equals("de") ? lang : "en";
	}

	@GetMapping("/stop/{referenceCode}")
	String stop(@PathVariable String referenceCode, Model model, Locale locale) {
		ReviewRequests.StopPageView view = reviews.stopPage(referenceCode, language(locale))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("stop", view);
		model.addAttribute("errors", Map.of());
		return "blocklist/stop";
	}

	@PostMapping("/review")
	String review(@RequestParam(required = false) @Nullable String referenceCode,
			@RequestParam(required = false) @Nullable String contact,
			@RequestParam(required = false) @Nullable String message, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> errors;
		try {
			ReviewRequests.ReviewReceived received = reviews.ask(referenceCode, contact, message, request.getRemoteAddr());
			model.addAttribute("received", received);
			return "blocklist/review-received";
		}
		catch (TooManyRequestsException e) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", "600");
			errors = Map.of("form", "validation.rateLimited");
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			errors = e.fieldErrors();
		}
		ReviewRequests.StopPageView view = referenceCode == null ? null
				: reviews.stopPage(referenceCode, language(locale)).orElse(null);
		if (view == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("stop", view);
		model.addAttribute("errors", errors);
		model.addAttribute("contact", contact);
		model.addAttribute("message", message);
		return "blocklist/stop";
	}
}
