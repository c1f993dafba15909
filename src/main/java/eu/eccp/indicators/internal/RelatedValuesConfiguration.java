package eu.eccp.indicators.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import eu.eccp.indicators.RelatedValues;

/** The application's one {@link RelatedValues}, with the same warning lists as the extractor. */
@Configuration(proxyBeanMethods = false)
class RelatedValuesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RelatedValuesConfiguration.class);

	@Bean
	RelatedValues relatedValues(WarningLists warningLists, RelatedValuesProperties related) {
		LinkingValueDeriver deriver = new LinkingValueDeriver(warningLists, TooCommonLists.load(related.tooCommonDir()));
		log.info("too-common lists for derived values: {}", deriver.tooCommonListNames());
		return deriver;
	}
}
