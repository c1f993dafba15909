package eu.eccp.indicators.internal;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import eu.eccp.indicators.IndicatorExtractor;

/** The application's one {@link IndicatorExtractor}, configured by {@link IndicatorsProperties}. */
@Configuration(proxyBeanMethods = false)
class IndicatorsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IndicatorsConfiguration.class);

	/** The warning lists, read once: the extractor and the deriver of related values use the same. */
	@Bean
	WarningLists warningLists(IndicatorsProperties properties) {
		WarningLists lists = WarningLists.load(properties.warninglistDir());
		log.info("indicator warning lists: {}", lists.names());
		return lists;
	}

	@Bean
	IndicatorExtractor indicatorExtractor(IndicatorsProperties properties, WarningLists lists) {
		String key = properties.cardHashKey();
		if (key == null || key.isBlank()) {
			log.warn("eccp.indicators.card-hash-key is not set: payment card numbers are reported masked only, "
					+ "without the keyed hash that lets reports of the same card match");
		}
		return new ScanningIndicatorExtractor(lists,
				key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8));
	}
}
