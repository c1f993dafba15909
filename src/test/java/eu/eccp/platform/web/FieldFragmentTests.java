package eu.eccp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.context.support.StaticApplicationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import eu.eccp.shared.Labels;

/**
 * The one form-error mechanism, rendered on its own: a field with an error is marked invalid and described by its
 * error, a text too long names its limit in the reader's language and number format, the summary links each error
 * to its field, and a page with several forms gives each field its own id.
 */
class FieldFragmentTests {

	SpringTemplateEngine engine;
	StaticApplicationContext application;

	@BeforeEach
	void engine() {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setBasename("classpath:messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		application = new StaticApplicationContext();
		application.getBeanFactory().registerSingleton("labels", new Labels(messages));
		application.refresh();
		engine = new SpringTemplateEngine();
		engine.setTemplateEngineMessageSource(messages);
		ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
		files.setPrefix("templates/");
		files.setSuffix(".html");
		files.setTemplateMode(TemplateMode.HTML);
		files.setCheckExistence(true);
		files.setOrder(1);
		StringTemplateResolver inline = new StringTemplateResolver();
		inline.setOrder(2);
		engine.addTemplateResolver(files);
		engine.addTemplateResolver(inline);
	}

	String render(String markup, Locale locale, Map<String, Object> variables) {
		LocaleContextHolder.setLocale(locale);
		try {
			Context context = new Context(locale, variables);
			context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
					new ThymeleafEvaluationContext(application, null));
			return engine.process("<div xmlns:th=\"http://www.thymeleaf.org\">" + markup + "</div>", context);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void aFieldWithATextTooLongIsMarkedInvalidAndNamesItsLimit() {
		String html = render("<div th:replace=\"~{fragments/field :: field('facts', 'requests.field.facts', ${v}, 'textarea', true, 10000, null, ${errors})}\"></div>",
				Locale.ENGLISH, Map.of("v", "typed text", "errors", Map.of("facts", "validation.tooLong")));
		assertThat(html).contains("class=\"field has-error\"").contains("aria-invalid=\"true\"")
			.contains("aria-describedby=\"facts-hint facts-error\"").contains("maxlength=\"10000\"")
			.contains("id=\"facts-error\">This is too long. At most 10,000 characters.</p>").contains(">typed text</textarea>")
			.contains("required=\"required\"");
	}

	@Test
	void theLimitFollowsTheReadersNumberFormat() {
		Map<String, Object> variables = Map.of("errors", Map.of("facts", "validation.tooLong"));
		String markup = "<div th:replace=\"~{fragments/field :: field('facts', 'requests.field.facts', null, 'textarea', false, 10000, null, ${errors})}\"></div>";
		assertThat(render(markup, Locale.GERMAN, variables)).contains("Höchstens 10.000 Zeichen.");
		assertThat(render(markup, Locale.FRENCH, variables)).contains("Au plus 10\u202f000 caractères.");
	}

	@Test
	void aFieldWithoutErrorIsNotMarked() {
		String html = render("<div th:replace=\"~{fragments/field :: field('facts', 'requests.field.facts', null, 'text', false, null, null, ${errors})}\"></div>",
				Locale.ENGLISH, Map.of("errors", Map.of()));
		assertThat(html).doesNotContain("has-error", "aria-invalid", "field-error", "aria-describedby", "maxlength");
	}

	@Test
	void onAPageWithSeveralFormsEachFieldHasItsOwnIdAndTheSummaryLinksToIt() {
		Map<String, Object> variables = Map.of("errors", Map.of("text", "validation.required"));
		String html = render("""
				<div th:replace="~{fragments/field :: summaryAs(${errors}, null, null, 'note-')}"></div>
				<div th:replace="~{fragments/field :: fieldAs('note-text', 'text', 'cases.note', null, 'textarea', true, 20000, null, ${errors})}"></div>
				""", Locale.ENGLISH, variables);
		assertThat(html).contains("id=\"error-summary\"").contains("data-error-summary").contains("href=\"#note-text\"")
			.contains("<label for=\"note-text\">").contains("id=\"note-text\" name=\"text\"").contains("id=\"note-text-error\"")
			.contains("This field is required.");
	}

	@Test
	void theSummaryNamesTheFieldWhenTheFormsLabelsShareAPrefix() {
		String html = render("<div th:replace=\"~{fragments/field :: summary(${errors}, 'requests.field.', ${limits})}\"></div>",
				Locale.FRENCH, Map.of("errors", Map.of("facts", "validation.tooLong"), "limits", Map.of("facts", 10_000)));
		assertThat(html).contains("href=\"#facts\"").contains("Exposé sommaire des faits\u00a0: ").contains("10\u202f000");
	}

	@Test
	void theErrorOfAControlTheFieldDoesNotDrawCarriesItsId() {
		String html = render("<p th:replace=\"~{fragments/field :: error('recipient', ${errors}, null)}\"></p>",
				Locale.ENGLISH, Map.of("errors", Map.of("recipient", "validation.request.recipient")));
		assertThat(html).contains("<p class=\"field-error\" id=\"recipient-error\">Choose the contact point");
		assertThat(render("<p th:replace=\"~{fragments/field :: error('recipient', ${errors}, null)}\"></p>", Locale.ENGLISH,
				Map.of("errors", Map.of()))).doesNotContain("field-error");
	}

	@Test
	void aDateFieldCarriesThePagesPatternAndItsFormat() {
		String markup = "<div th:replace=\"~{fragments/field :: field('expiresOn', 'field.expiresOn', '2026-12-31', 'date', false, null, null, ${errors})}\"></div>";
		Map<String, Object> variables = Map.of("errors", Map.of());
		assertThat(render(markup, Locale.FRENCH, variables)).contains("type=\"date\"").contains("value=\"2026-12-31\"")
			.contains("data-local-format=\"dd/MM/yyyy\"").contains("data-local-placeholder=\"JJ/MM/AAAA\"")
			.contains("id=\"expiresOn-format\">Format\u00a0: JJ/MM/AAAA</p>");
		assertThat(render(markup, Locale.GERMAN, variables)).contains("data-local-format=\"dd.MM.yyyy\"")
			.contains(">Format: TT.MM.JJJJ</p>");
		assertThat(render(markup, Locale.ENGLISH, variables)).contains("data-local-format=\"yyyy-MM-dd\"");
		// a filter's bare input gets the same
		assertThat(render("<th:block th:replace=\"~{fragments/field :: dateInput('from', 'from', '2026-03', 'month', null)}\"></th:block>",
				Locale.GERMAN, variables)).contains("type=\"month\"").contains("data-local-format=\"MM.yyyy\"")
			.contains(">Format: MM.JJJJ</p>");
	}

	@Test
	void aTextFieldHasNoDatePattern() {
		String html = render("<div th:replace=\"~{fragments/field :: field('facts', 'requests.field.facts', null, 'text', false, null, null, ${errors})}\"></div>",
				Locale.FRENCH, Map.of("errors", Map.of()));
		assertThat(html).doesNotContain("data-local-format", "-format\"");
	}
}
