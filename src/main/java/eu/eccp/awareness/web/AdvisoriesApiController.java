package eu.eccp.awareness.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.awareness.AdvisoryId;
import eu.eccp.awareness.internal.AdvisoryDesk;
import eu.eccp.awareness.internal.AdvisoryDraft;
import eu.eccp.awareness.internal.AdvisoryLanguage;
import eu.eccp.awareness.internal.AdvisoryStatus;
import eu.eccp.awareness.internal.PublicAdvisories;
import eu.eccp.awareness.internal.SuggestionDesk;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Advisories over the API: the authors' endpoints under {@code /api/v1/advisories} (token of a coordinator or of
 * a national unit's analyst), and the public JSON for national portals and apps under
 * {@code /api/v1/public/advisories} (no token).
 */
@RestController
@Tag(name = "Awareness")
class AdvisoriesApiController {

	private final AdvisoryDesk desk;
	private final SuggestionDesk suggestions;
	private final PublicAdvisories advisories;
	private final MessageSource messages;
	private final String publicUrl;

	AdvisoriesApiController(AdvisoryDesk desk, SuggestionDesk suggestions, PublicAdvisories advisories,
			MessageSource messages, @Value("${eccp.public-url:http://localhost:8080}") String publicUrl) {
		this.desk = desk;
		this.suggestions = suggestions;
		this.advisories = advisories;
		this.messages = messages;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@GetMapping("/api/v1/advisories")
	@Operation(summary = "Advisories for their authors, the latest change first")
	Page<AdvisoryJson.AuthorView> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		AdvisoryStatus filter = null;
		if (status != null && !status.isBlank()) {
			filter = java.util.Arrays.stream(AdvisoryStatus.values()).filter(s -> s.name().equalsIgnoreCase(status.strip()))
				.findFirst().orElseThrow(() -> new InvalidRequestException("status", "awareness.validation.status"));
		}
		return desk.list(CallerContext.require(), filter, PageRequest.of(page, size)).map(AdvisoryJson.AuthorView::of);
	}

	@PostMapping("/api/v1/advisories")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Writes a new advisory (a draft)")
	AdvisoryJson.AuthorView create(@RequestBody AdvisoryDraft draft) {
		return AdvisoryJson.AuthorView.of(desk.create(CallerContext.require(), draft));
	}

	@GetMapping("/api/v1/advisories/{id}")
	AdvisoryJson.AuthorView get(@PathVariable UUID id) {
		return AdvisoryJson.AuthorView.of(desk.find(CallerContext.require(), new AdvisoryId(id)));
	}

	@PutMapping("/api/v1/advisories/{id}")
	@Operation(summary = "Changes an advisory's working version (a review under way starts again)")
	AdvisoryJson.AuthorView update(@PathVariable UUID id, @RequestBody AdvisoryDraft draft) {
		return AdvisoryJson.AuthorView.of(desk.update(CallerContext.require(), new AdvisoryId(id), draft));
	}

	@PostMapping("/api/v1/advisories/{id}/submission")
	@Operation(summary = "Submits a draft for review")
	AdvisoryJson.AuthorView submit(@PathVariable UUID id) {
		return AdvisoryJson.AuthorView.of(desk.submit(CallerContext.require(), new AdvisoryId(id)));
	}

	@PostMapping("/api/v1/advisories/{id}/approval")
	@Operation(summary = "Approves an advisory in review (four-eyes: not its author, last editor or submitter); publishes it")
	AdvisoryJson.AuthorView approve(@PathVariable UUID id) {
		return AdvisoryJson.AuthorView.of(desk.approve(CallerContext.require(), new AdvisoryId(id)));
	}

	@PostMapping("/api/v1/advisories/{id}/return")
	@Operation(summary = "Sends an advisory in review back to draft")
	AdvisoryJson.AuthorView sendBack(@PathVariable UUID id) {
		return AdvisoryJson.AuthorView.of(desk.sendBack(CallerContext.require(), new AdvisoryId(id)));
	}

	@PostMapping("/api/v1/advisories/{id}/withdrawal")
	@Operation(summary = "Withdraws a published advisory (CAP Cancel)")
	AdvisoryJson.AuthorView withdraw(@PathVariable UUID id) {
		return AdvisoryJson.AuthorView.of(desk.withdraw(CallerContext.require(), new AdvisoryId(id)));
	}

	@GetMapping("/api/v1/advisories/suggestions")
	@Operation(summary = "Open suggestions from the data: aggregate facts only")
	List<AdvisoryJson.SuggestionView> suggestions() {
		return suggestions.open(CallerContext.require()).stream().map(AdvisoryJson.SuggestionView::of).toList();
	}

	@GetMapping("/api/v1/public/advisories")
	@Operation(summary = "Published advisories for national portals and apps, in one language (current, or the archive)")
	Page<AdvisoryJson.PublicView> publicList(@RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String country, @RequestParam(required = false) @Nullable String offence,
			@RequestParam(defaultValue = "false") boolean archive, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		AdvisoryLanguage language = language(lang);
		CountryCode countryFilter = null;
		if (country != null && !country.isBlank()) {
			if (!CountryCode.isValid(country)) {
				throw new InvalidRequestException("country", "validation.country");
			}
			countryFilter = CountryCode.of(country);
		}
		Offence offenceFilter = null;
		if (offence != null && !offence.isBlank()) {
			offenceFilter = Offence.parse(offence);
			if (offenceFilter == null) {
				throw new InvalidRequestException("offence", "validation.offence");
			}
		}
		PageRequest request = PageRequest.of(page, size == null ? 20 : size);
		var found = archive ? advisories.archive(null, countryFilter, offenceFilter, request)
				: advisories.current(null, countryFilter, offenceFilter, request);
		var now = advisories.now();
		return found.map(a -> AdvisoryJson.PublicView.of(a, language, now, publicUrl, messages));
	}

	@GetMapping("/api/v1/public/advisories/{id}")
	AdvisoryJson.PublicView publicOne(@PathVariable UUID id, @RequestParam(required = false) @Nullable String lang) {
		var advisory = advisories.find(new AdvisoryId(id)).orElseThrow(() -> new RecordNotFoundException("advisory " + id));
		return AdvisoryJson.PublicView.of(advisory, language(lang), advisories.now(), publicUrl, messages);
	}

	private static AdvisoryLanguage language(@Nullable String lang) {
		if (lang == null || lang.isBlank()) {
			return AdvisoryLanguage.EN;
		}
		AdvisoryLanguage language = AdvisoryLanguage.parse(lang);
		if (language == null) {
			throw new InvalidRequestException("lang", "awareness.validation.language");
		}
		return language;
	}
}
