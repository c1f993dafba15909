package eu.eccp.reporting.web;

import java.util.List;
import java.util.Locale;

import eu.eccp.reporting.internal.ReportDraft;

/** The report form as it first appears, public or for an organisation. */
final class ReportForms {

	private ReportForms() {
	}

	/** An empty form, with the reporter's language preselected. */
	/** A first guess of the reporter's time zone from the page's language; the browser's own zone replaces it. */
	static String zoneFor(Locale locale) {
		return switch (locale.getLanguage()) {
			case "fr" -> "Europe/Paris";
			case "de" -> "Europe/Berlin";
			default -> "Europe/Brussels";
		};
	}

	static ReportDraft empty(Locale locale) {
		return new ReportDraft(null, null, List.of(), null, zoneFor(locale), null, null, null,
				new ReportDraft.Contact(null, null, null, locale.getLanguage()), false, false, null, null, null, false);
	}
}
