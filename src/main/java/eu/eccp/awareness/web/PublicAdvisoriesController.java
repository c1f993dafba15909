package eu.eccp.awareness.web;

import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import eu.eccp.awareness.AdvisoryId;
import eu.eccp.awareness.internal.AdvisoryFeeds;
import eu.eccp.awareness.internal.AdvisoryLanguage;
import eu.eccp.awareness.internal.CapAlerts;
import eu.eccp.awareness.internal.PublicAdvisories;
import eu.eccp.awareness.internal.PublicAdvisory;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;

/**
 * The public's pages: current advisories and the archive in the visitor's language (the platform's locale
 * resolver: the language chosen in the header, else Accept-Language), one advisory, its CAP message, and the
 * RSS and Atom feeds per language and country. No account, nothing but approved public editions.
 */
@Controller
class PublicAdvisoriesController {

	static final MediaType CAP = MediaType.parseMediaType("application/cap+xml;charset=UTF-8");

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

	static final int FEED_SIZE = 50;

	private final PublicAdvisories advisories;
	private final CapAlerts cap;
	private final AdvisoryFeeds feeds;

	PublicAdvisoriesController(PublicAdvisories advisories, CapAlerts cap, AdvisoryFeeds feeds) {
		this.advisories = advisories;
		this.cap = cap;
		this.feeds = feeds;
	}

	@GetMapping("/advisories")
	String current(@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable Integer page, Locale locale, Model model) {
		return list(false, country, page, locale, model);
	}

	@GetMapping("/advisories/archive")
	String archive(@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable Integer page, Locale locale, Model model) {
		return list(true, country, page, locale, model);
	}

	private String list(boolean archive, @Nullable String country, @Nullable Integer page, Locale locale, Model model) {
		CountryCode filter = country != null && CountryCode.isValid(country) ? CountryCode.of(country) : null;
		AdvisoryLanguage language = AdvisoryLanguage.of(locale);
		PageRequest request = PageRequest.forPage(page, 20);
		model.addAttribute("advisories", archive ? advisories.archive(null, filter, null, request)
				: advisories.current(null, filter, null, request));
		model.addAttribute("archive", archive);
		model.addAttribute("reader", language);
		model.addAttribute("country", filter == null ? "" : filter.value());
		model.addAttribute("countries", new TreeSet<>(CountryCode.EU_MEMBER_STATES));
		model.addAttribute("atomFeed", AdvisoryFeeds.feedPath(language, filter, "atom"));
		model.addAttribute("rssFeed", AdvisoryFeeds.feedPath(language, filter, "rss"));
		model.addAttribute("now", advisories.now());
		return "advisories/list";
	}

	@GetMapping("/advisories/{id}")
	String show(@PathVariable UUID id, Locale locale, Model model) {
		PublicAdvisory advisory = advisories.find(new AdvisoryId(id)).orElseThrow(() -> new RecordNotFoundException("advisory"));
		AdvisoryLanguage language = AdvisoryLanguage.of(locale);
		model.addAttribute("advisory", advisory);
		model.addAttribute("text", advisory.text(language));
		model.addAttribute("reader", language);
		model.addAttribute("current", advisory.isCurrent(advisories.now()));
		model.addAttribute("atomFeed", AdvisoryFeeds.feedPath(language, null, "atom"));
		return "advisories/advisory";
	}

	@GetMapping("/advisories/{id}/cap.xml")
	ResponseEntity<String> capMessage(@PathVariable UUID id) {
		PublicAdvisory advisory = advisories.find(new AdvisoryId(id)).orElseThrow(() -> new RecordNotFoundException("advisory"));
		return ResponseEntity.ok().contentType(CAP).cacheControl(CacheControl.noCache()).body(cap.write(advisory));
	}

	@GetMapping("/advisories/feed/{lang}.atom")
	ResponseEntity<String> atom(@PathVariable String lang) {
		return feed(lang, null, true);
	}

	@GetMapping("/advisories/feed/{lang}/{country}.atom")
	ResponseEntity<String> atomOfCountry(@PathVariable String lang, @PathVariable String country) {
		return feed(lang, country, true);
	}

	@GetMapping("/advisories/feed/{lang}.rss")
	ResponseEntity<String> rss(@PathVariable String lang) {
		return feed(lang, null, false);
	}

	@GetMapping("/advisories/feed/{lang}/{country}.rss")
	ResponseEntity<String> rssOfCountry(@PathVariable String lang, @PathVariable String country) {
		return feed(lang, country, false);
	}

	private ResponseEntity<String> feed(String lang, @Nullable String country, boolean atom) {
		AdvisoryLanguage language = AdvisoryLanguage.parse(lang);
		if (language == null || (country != null && !CountryCode.isValid(country))) {
			throw new RecordNotFoundException("feed");
		}
		CountryCode filter = country == null ? null : CountryCode.of(country);
		var items = advisories.current(language, filter, null, new PageRequest(0, FEED_SIZE)).items();
		String body = atom ? feeds.atom(items, language, filter, advisories.now())
				: feeds.rss(items, language, filter, advisories.now());
		return ResponseEntity.ok().contentType(atom ? ATOM : RSS).cacheControl(CacheControl.noCache()).body(body);
	}
}
