package eu.eccp.shared;

import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, upper case. Only officially assigned codes are accepted.
 */
public record CountryCode(String value) {

	private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	/** The 27 member states of the European Union. */
	public static final Set<String> EU_MEMBER_STATES = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE",
			"FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI",
			"ES", "SE");

	public CountryCode {
		if (value == null || !ASSIGNED.contains(value)) {
			throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + value);
		}
	}

	/** Parses a code case-insensitively, surrounding blanks ignored. */
	public static CountryCode of(String text) {
		if (text == null) {
			throw new IllegalArgumentException("country code is missing");
		}
		return new CountryCode(text.strip().toUpperCase(Locale.ROOT));
	}

	public static boolean isValid(String text) {
		return text != null && ASSIGNED.contains(text.strip().toUpperCase(Locale.ROOT));
	}

	public boolean isEuMemberState() {
		return EU_MEMBER_STATES.contains(value);
	}

	/** The country's English name, for display. */
	public String displayName(Locale locale) {
		return new Locale("", value).getDisplayCountry(locale);
	}

	@Override
	public String toString() {
		return value;
	}
}
