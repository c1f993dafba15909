package eu.eccp.awareness.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;

/**
 * Checks what an author typed. Besides lengths and required fields, it refuses any text carrying a value that
 * identifies a person (an e-mail address, a phone number, an IBAN, a payment card), found by the platform's
 * own indicator extractor: an advisory is for the public and must never carry personal data. Errors are keyed
 * {@code offence}, {@code countries}, {@code expiresOn}, {@code translations}, and {@code LANG.FIELD} (e.g.
 * {@code fr.title}).
 */
@Component
class AdvisoryValidation {

	static final int MAX_TITLE = 200;

	static final int MAX_SUMMARY = 1000;

	static final int MAX_TEXT = 5000;

	private final IndicatorExtractor extractor;

	AdvisoryValidation(IndicatorExtractor extractor) {
		this.extractor = extractor;
	}

	/** The valid content of a draft. */
	record ValidDraft(Offence offence, List<CountryCode> countries, @Nullable Instant expiresAt,
			Map<AdvisoryLanguage, AdvisoryText> texts) {
	}

	ValidDraft validate(AdvisoryDraft draft, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		Offence offence = draft.offence() == null || draft.offence().isBlank() ? null : Offence.parse(draft.offence());
		if (offence == null) {
			errors.put("offence", draft.offence() == null || draft.offence().isBlank() ? "validation.required" : "validation.offence");
		}
		List<CountryCode> countries = new ArrayList<>();
		for (String code : draft.countries() == null ? List.<String>of() : draft.countries()) {
			if (code == null || code.isBlank()) {
				continue;
			}
			if (!CountryCode.isValid(code)) {
				errors.put("countries", "validation.country");
			}
			else if (!countries.contains(CountryCode.of(code))) {
				countries.add(CountryCode.of(code));
			}
		}
		if (countries.isEmpty() && !errors.containsKey("countries")) {
			errors.put("countries", "awareness.validation.countries");
		}
		Instant expiresAt = null;
		if (draft.expiresOn() != null && !draft.expiresOn().isBlank()) {
			try {
				expiresAt = LocalDate.parse(draft.expiresOn().strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
				if (!expiresAt.isAfter(now)) {
					errors.put("expiresOn", "awareness.validation.expiresPast");
				}
			}
			catch (DateTimeParseException e) {
				errors.put("expiresOn", "validation.date");
			}
		}
		Map<AdvisoryLanguage, AdvisoryText> texts = new EnumMap<>(AdvisoryLanguage.class);
		for (AdvisoryDraft.Translation t : draft.translations() == null ? List.<AdvisoryDraft.Translation>of()
				: draft.translations()) {
			if (t == null || t.isBlank()) {
				continue;
			}
			AdvisoryLanguage language = AdvisoryLanguage.parse(t.language());
			if (language == null || texts.containsKey(language)) {
				errors.put("translations", "awareness.validation.language");
				continue;
			}
			String p = language.code() + ".";
			String title = text(t.title(), p + "title", 3, MAX_TITLE, errors);
			String summary = text(t.summary(), p + "summary", 1, MAX_SUMMARY, errors);
			String happening = text(t.happening(), p + "happening", 0, MAX_TEXT, errors);
			String recognise = text(t.recognise(), p + "recognise", 0, MAX_TEXT, errors);
			String advice = text(t.advice(), p + "advice", 1, MAX_TEXT, errors);
			String reportHow = text(t.reportHow(), p + "reportHow", 0, MAX_TEXT, errors);
			texts.put(language, new AdvisoryText(language, title, summary, happening, recognise, advice, reportHow));
		}
		if (texts.isEmpty() && !errors.containsKey("translations")) {
			errors.put("translations", "awareness.validation.noLanguage");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new ValidDraft(offence, countries, expiresAt, texts);
	}

	private String text(@Nullable String value, String field, int min, int max, Map<String, String> errors) {
		String text = value == null ? "" : value.strip();
		if (text.length() < min) {
			errors.put(field, text.isEmpty() ? "validation.required" : "awareness.validation.tooShort");
		}
		else if (text.length() > max) {
			errors.put(field, "validation.tooLong");
		}
		else if (!text.isEmpty() && identifiesSomeone(text)) {
			errors.put(field, "awareness.validation.personalData");
		}
		return text;
	}

	/** Whether the text carries an e-mail address, a phone number, an IBAN or a payment card number. */
	boolean identifiesSomeone(String text) {
		for (Indicator indicator : extractor.extract(text, ExtractionOptions.defaults())) {
			if (indicator.type().identifiesPerson()) {
				return true;
			}
		}
		return false;
	}
}
