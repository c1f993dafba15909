package eu.eccp.reporting.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report as submitted: the JSON body of {@code POST /api/v1/public/reports} and {@code POST /api/v1/reports},
 * one line of a bulk NDJSON file, or the public web form. Everything is text here; {@link ReportValidator}
 * turns it into a {@link ValidReport} or names every bad field.
 *
 * @param website a honeypot: people never see this field, so a value means a bot filled in the form
 * @param emailReceipt whether to e-mail the reference and status code to the contact address (public intake)
 */
public record ReportDraft(@Nullable String offence, @Nullable String residenceCountry,
		@Nullable List<String> victimCountries, @Nullable String occurredAt, @Nullable String timeZone,
		@Nullable Loss loss, @Nullable String description, @Nullable Details details, @Nullable Contact contact,
		@Nullable Boolean consentToContact, @Nullable Boolean consentToShare, @Nullable String organisationReference,
		@Nullable String tlp, @Nullable String website, @Nullable Boolean emailReceipt) {

	/** What was lost: an amount in an ISO 4217 currency and how it was paid. */
	public record Loss(@Nullable String amount, @Nullable String currency, @Nullable String paymentMethod) {
	}

	/** Structured details; in the web form each is a text area with one entry per line. */
	public record Details(@Nullable List<String> urls, @Nullable List<String> emails, @Nullable List<String> phones,
			@Nullable List<String> ibans, @Nullable List<String> wallets, @Nullable List<String> socialAccounts) {
	}

	/** The reporter's optional contact details and preferred language. */
	public record Contact(@Nullable String name, @Nullable String email, @Nullable String phone,
			@Nullable String language) {
	}

	static ReportDraft empty() {
		return new ReportDraft(null, null, List.of(), null, null, null, null, null, null, false, false, null, null,
				null, false);
	}
}
