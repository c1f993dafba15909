package eu.eccp.reporting.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import eu.eccp.reporting.Offence;
import eu.eccp.shared.Tlp;

/**
 * A report as submitted: the JSON body of {@code POST /api/v1/public/reports} and {@code POST /api/v1/reports},
 * one line of a bulk NDJSON file, or the public web form. Everything is text here; {@link ReportValidator}
 * turns it into a {@link ValidReport} or names every bad field.
 *
 * @param website a honeypot: people never see this field, so a value means a bot filled in the form
 * @param emailReceipt whether to e-mail the reference and status code to the contact address (public intake)
 */
public record ReportDraft(
		@Schema(implementation = Offence.class, requiredMode = RequiredMode.REQUIRED,
				description = "the offence type (GET /api/v1/public/taxonomy)") @Nullable String offence,
		@Schema(description = COUNTRY, pattern = COUNTRY_PATTERN, example = "FR") @Nullable String residenceCountry,
		@ArraySchema(schema = @Schema(description = COUNTRY, pattern = COUNTRY_PATTERN, example = "FR"))
		@Nullable List<String> victimCountries,
		@Schema(description = "when it happened: an ISO 8601 date, local date-time (read in timeZone, then required) "
				+ "or date-time with offset", example = "2026-11-28T14:30",
				pattern = "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$")
		@Nullable String occurredAt,
		@Schema(description = "IANA time zone of occurredAt", example = "Europe/Paris") @Nullable String timeZone,
		@Nullable Loss loss,
		@Schema(requiredMode = RequiredMode.REQUIRED, minLength = ReportValidator.MIN_DESCRIPTION,
				maxLength = ReportValidator.MAX_DESCRIPTION, description = "what happened, in the reporter's words")
		@Nullable String description,
		@Nullable Details details, @Nullable Contact contact, @Nullable Boolean consentToContact,
		@Nullable Boolean consentToShare,
		@Schema(maxLength = 200, description = "the submitting organisation's own reference; a retry with it returns the original")
		@Nullable String organisationReference,
		@Schema(implementation = Tlp.class, description = "TLP 2.0 marking (TLP:AMBER+STRICT is also understood); default AMBER")
		@Nullable String tlp,
		@Schema(description = "leave empty: a honeypot for bots", maxLength = 0) @Nullable String website,
		@Nullable Boolean emailReceipt) {

	static final String COUNTRY = "ISO 3166-1 alpha-2 country code";

	static final String COUNTRY_PATTERN = "^[A-Za-z]{2}$";

	/** What was lost: an amount in an ISO 4217 currency and how it was paid. */
	public record Loss(
			@Schema(description = "a decimal amount, at most two decimals", pattern = "^[0-9 ]+([.,][0-9]{1,2})?$",
					example = "120.50") @Nullable String amount,
			@Schema(description = "ISO 4217 currency code; required with an amount", pattern = "^[A-Za-z]{3}$",
					example = "EUR") @Nullable String currency,
			@Schema(maxLength = 100, example = "card") @Nullable String paymentMethod) {
	}

	/**
	 * Structured details; in the web form each is a text area with one entry per line. Defanged values
	 * ({@code hxxp://}, {@code [.]}, {@code [at]}) are understood.
	 */
	public record Details(@Nullable List<String> urls, @Nullable List<String> emails, @Nullable List<String> phones,
			@Nullable List<String> ibans, @Nullable List<String> wallets, @Nullable List<String> socialAccounts) {
	}

	/** The reporter's optional contact details and preferred language. */
	public record Contact(@Schema(maxLength = 200) @Nullable String name,
			@Schema(format = "email", example = "marie@example.org") @Nullable String email,
			@Schema(pattern = "^\\+?[0-9 ()./-]{5,24}$", example = "+33 6 12 34 56 78") @Nullable String phone,
			@Schema(description = "ISO 639 language code", pattern = "^[A-Za-z]{2,3}$", example = "fr") @Nullable String language) {
	}

	static ReportDraft empty() {
		return new ReportDraft(null, null, List.of(), null, null, null, null, null, null, false, false, null, null,
				null, false);
	}
}
