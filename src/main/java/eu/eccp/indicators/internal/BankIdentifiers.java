package eu.eccp.indicators.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IBAN (ISO 13616: country code, two check digits, the national account number; length fixed per country;
 * valid when the number read with letters as 10 to 35 is 1 modulo 97) and BIC (ISO 9362: four letters of
 * the institution, an ISO country code, two characters of location, optionally three of branch).
 */
public final class BankIdentifiers {

	/** IBAN length per country, from the SWIFT IBAN registry. */
	private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

	private static final Set<String> COUNTRIES = new HashSet<>(Set.of(Locale.getISOCountries()));

	static {
		String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 "
				+ "DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 "
				+ "IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 "
				+ "MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 "
				+ "SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
		for (String entry : table.split(" ")) {
			IBAN_LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
		}
		COUNTRIES.add("XK");
	}

	private BankIdentifiers() {
	}

	/** The IBAN length of a country, or 0 when the country does not use IBANs. */
	public static int ibanLength(String country) {
		return IBAN_LENGTHS.getOrDefault(country, 0);
	}

	/** Whether {@code iban} (upper case, no spaces) has its country's length and a valid mod-97 checksum. */
	public static boolean isValidIban(String iban) {
		if (iban.length() < 15 || iban.length() > 34) {
			return false;
		}
		if (ibanLength(iban.substring(0, 2)) != iban.length()) {
			return false;
		}
		char c2 = iban.charAt(2);
		char c3 = iban.charAt(3);
		if (c2 < '0' || c2 > '9' || c3 < '0' || c3 > '9') {
			return false;
		}
		int check = (c2 - '0') * 10 + (c3 - '0');
		if (check < 2 || check > 98) {
			return false;
		}
		int remainder = 0;
		for (int i = 0; i < iban.length(); i++) {
			char c = iban.charAt((i + 4) % iban.length());
			if (c >= '0' && c <= '9') {
				remainder = (remainder * 10 + (c - '0')) % 97;
			}
			else if (c >= 'A' && c <= 'Z') {
				remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
			}
			else {
				return false;
			}
		}
		return remainder == 1;
	}

	/** Whether {@code bic} (upper case) has the shape of a BIC with an assigned country code. */
	public static boolean isValidBic(String bic) {
		if (bic.length() != 8 && bic.length() != 11) {
			return false;
		}
		for (int i = 0; i < bic.length(); i++) {
			char c = bic.charAt(i);
			boolean letter = c >= 'A' && c <= 'Z';
			boolean digit = c >= '0' && c <= '9';
			if (i < 6 ? !letter : !(letter || digit)) {
				return false;
			}
		}
		return COUNTRIES.contains(bic.substring(4, 6));
	}

	public static boolean isCountry(String code) {
		return COUNTRIES.contains(code);
	}
}
