package eu.eccp.reporting.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.eccp.reporting.CrimeKind;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;

/** What the report forms and pages show of the taxonomy and the choices. */
final class TaxonomyModel {

	static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "PLN", "CZK", "HUF", "RON", "BGN", "SEK",
			"DKK", "NOK", "BTC");

	private TaxonomyModel() {
	}

	/** The offences grouped by kind of cyber crime, in the order the form asks. */
	static Map<CrimeKind, List<Offence>> offencesByKind() {
		Map<CrimeKind, List<Offence>> grouped = new LinkedHashMap<>();
		for (CrimeKind kind : CrimeKind.values()) {
			grouped.put(kind, Arrays.stream(Offence.values())
				.filter(o -> o.kind() == kind && o != Offence.UNDETERMINED)
				.toList());
		}
		return grouped;
	}

	/** Country code → name in the reader's language, sorted by code. */
	static Map<String, String> countryNames(java.util.Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		for (String code : countries()) {
			names.put(code, new java.util.Locale("", code).getDisplayCountry(locale));
		}
		return names;
	}

	/** The length limits of the report form's text fields, named in its error messages (as ReportValidator checks them). */
	static final Map<String, Integer> FIELD_LIMITS = Map.of("description", 20_000, "loss.paymentMethod", 100,
			"contact.name", 200, "organisationReference", 200);

	/** Languages a reporter may ask to be contacted in, each named in itself. */
	static Map<String, String> languageNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (String code : List.of("en", "fr", "de", "nl", "es", "it", "pl", "pt", "ro", "el", "cs", "hu", "sv")) {
			java.util.Locale language = new java.util.Locale(code);
			names.put(code, language.getDisplayLanguage(language));
		}
		return names;
	}

	/** TLP markings an organisation may give a report, with their TLP 2.0 labels. */
	static Map<String, String> tlpLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		for (eu.eccp.shared.Tlp tlp : List.of(eu.eccp.shared.Tlp.AMBER, eu.eccp.shared.Tlp.AMBER_STRICT,
				eu.eccp.shared.Tlp.GREEN, eu.eccp.shared.Tlp.CLEAR, eu.eccp.shared.Tlp.RED)) {
			labels.put(tlp.name(), tlp.label());
		}
		return labels;
	}

	/** Country codes for the choice lists: every assigned ISO 3166 code, sorted by code. */
	static List<String> countries() {
		return Arrays.stream(java.util.Locale.getISOCountries()).filter(CountryCode::isValid).sorted().toList();
	}
}
