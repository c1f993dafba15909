package eu.eccp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every value a person may read has words in every shipped language: each enum of the platform either
 * names its message keys ({@link Labelled}) and has them in English, French and German, or declares that
 * nobody sees it; every notification topic the code sends has a label and a title.
 */
class LabelsTests {

	private static final List<String> LANGUAGES = List.of("", "_fr", "_de");

	static Properties bundle(String suffix) {
		return LabelsSupport.bundle(suffix);
	}

	static List<Class<?>> platformEnums() {
		return LabelsSupport.platformEnums();
	}

	@Test
	void everyEnumSaysWhetherPeopleSeeIt() {
		List<Class<?>> enums = platformEnums();
		assertThat(enums).as("enums found on the class path").hasSizeGreaterThan(10);
		List<String> undecided = enums.stream()
			.filter(e -> !e.isAnnotationPresent(Labelled.class))
			.map(Class::getName)
			.toList();
		assertThat(undecided).as("enums without @Labelled (give them message keys, or @Labelled(shown = false))").isEmpty();
	}

	@Test
	void everyConstantShownToPeopleHasWordsInEveryShippedLanguage() {
		Set<String> missing = new TreeSet<>();
		for (Class<?> type : platformEnums()) {
			Labelled labelled = type.getAnnotation(Labelled.class);
			if (labelled == null || !labelled.shown()) {
				continue;
			}
			assertThat(labelled.value()).as("key prefix of %s", type.getName()).isNotBlank();
			for (String language : LANGUAGES) {
				Properties bundle = bundle(language);
				for (Object constant : type.getEnumConstants()) {
					String key = Labels.key((Enum<?>) constant);
					if (bundle.getProperty(key, "").isBlank()) {
						missing.add("messages" + language + ".properties: " + key);
					}
				}
			}
		}
		assertThat(missing).as("enum constants without words").isEmpty();
	}

	@Test
	void everyNotificationTopicSentHasALabelAndATitle() {
		Set<String> topics = LabelsSupport.topicsInCode();
		assertThat(topics).contains("hit.found", "case.invitation", "request.received", "request.acknowledged",
				"request.partially_fulfilled", "request.escalated");
		Set<String> missing = new TreeSet<>();
		for (String language : LANGUAGES) {
			Properties bundle = bundle(language);
			for (String topic : topics) {
				for (String key : List.of("topic." + topic, "notice." + topic)) {
					if (bundle.getProperty(key, "").isBlank()) {
						missing.add("messages" + language + ".properties: " + key);
					}
				}
			}
		}
		assertThat(missing).as("topics without words").isEmpty();
	}

	@Test
	void languageAndCountryCodesReadAsNamesInTheReadersLanguage() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		Labels labels = new Labels(source);
		try {
			LocaleContextHolder.setLocale(Locale.FRENCH);
			assertThat(labels.language("de")).isEqualTo("Allemand");
			assertThat(labels.country("DE")).isEqualTo("Allemagne");
			assertThat(labels.routing("victim-country:FR")).contains("France").doesNotContain("victim-country");
			assertThat(labels.of(eu.eccp.reporting.ReportStatus.RECEIVED)).isEqualTo("Reçu");
			LocaleContextHolder.setLocale(Locale.GERMAN);
			assertThat(labels.languages(List.of("fr", "en"))).isEqualTo("Französisch, Englisch");
			assertThat(labels.topic("hit.found")).doesNotContain("hit.found");
			assertThat(labels.reportSource("details.emails")).doesNotContain("details");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}
}
