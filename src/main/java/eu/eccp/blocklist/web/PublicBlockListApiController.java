package eu.eccp.blocklist.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.blocklist.internal.ReviewRequests;
import eu.eccp.shared.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The stop page's text and the review request, without an account. */
@RestController
@RequestMapping("/api/v1/public/blocklist")
@Tag(name = "Block list (public)")
class PublicBlockListApiController {

	private final ReviewRequests reviews;

	PublicBlockListApiController(ReviewRequests reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/stop/{referenceCode}")
	@Operation(summary = "The stop page of a published entry: its text in en, fr or de (lang), category and reason")
	ReviewRequests.StopPageView stop(@PathVariable String referenceCode, @RequestParam(defaultValue = "en") String lang) {
		return reviews.stopPage(referenceCode, lang).orElseThrow(() -> new RecordNotFoundException("no such entry"));
	}

	record SiteOwnerReview(@Nullable String referenceCode, @Nullable String contact, @Nullable String message) {
	}

	@PostMapping("/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A site owner asks for review of the entry named by the stop page's reference code (limited per client address: "
			+ "429 past eccp.blocklist.review-requests-per-hour)")
	ReviewRequests.ReviewReceived review(@RequestBody SiteOwnerReview request,
			jakarta.servlet.http.HttpServletRequest http) {
		return reviews.ask(request.referenceCode(), request.contact(), request.message(), http.getRemoteAddr());
	}
}
