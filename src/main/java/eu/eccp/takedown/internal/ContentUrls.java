package eu.eccp.takedown.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;
import eu.eccp.indicators.UrlMatchKey;

/**
 * Reads one web address as a reporter wrote it (defanged, any case, with tracking parameters) through the
 * indicators module, so that every form of one address becomes one item.
 */
@Component
class ContentUrls {

	static final int MAX_LENGTH = 2_048;

	private static final ExtractionOptions URLS = ExtractionOptions.defaults().withTypes(Set.of(IndicatorType.URL));

	private final IndicatorExtractor extractor;

	ContentUrls(IndicatorExtractor extractor) {
		this.extractor = extractor;
	}

	/** The address, or empty when the text is not exactly one web address. */
	Optional<ContentUrl> read(String text) {
		String given = text.strip();
		if (given.isEmpty() || given.length() > MAX_LENGTH || given.chars().anyMatch(Character::isWhitespace)) {
			return Optional.empty();
		}
		List<Indicator> found = extractor.extract(given, URLS);
		if (found.size() != 1) {
			return Optional.empty();
		}
		Indicator url = found.get(0);
		// the address must be the whole text (a trailing full stop of prose aside), not a part of it
		if (url.offset() != 0 || url.original().length() < given.length() - 1) {
			return Optional.empty();
		}
		Object host = url.details().get(Indicator.HOST);
		return Optional.of(new ContentUrl(url.value(), UrlMatchKey.of(url.value()),
				host == null ? "" : host.toString()));
	}
}
