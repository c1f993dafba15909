package eu.eccp.indicators.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers through Google's libphonenumber: a candidate the scanner found is parsed with the default
 * region and kept only when libphonenumber holds it a valid number of its region (a number range in use).
 */
public final class PhoneNumbers {

	/** A valid number in E.164, its region and libphonenumber's type (MOBILE, FIXED_LINE...). */
	public record Phone(String e164, String region, String numberType) {
	}

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * The number written as {@code candidate} (digits and separators, an optional leading {@code +} or
	 * {@code 00}); national numbers are read in {@code defaultRegion}, and without one only international
	 * numbers are accepted.
	 */
	public static @Nullable Phone parse(String candidate, @Nullable String defaultRegion) {
		String text = candidate;
		if (text.startsWith("00")) {
			text = "+" + text.substring(2);
		}
		boolean international = text.startsWith("+");
		if (!international && defaultRegion == null) {
			return null;
		}
		PhoneNumber number;
		try {
			number = UTIL.parse(text, international ? "ZZ" : defaultRegion);
		}
		catch (NumberParseException e) {
			return null;
		}
		// valid means: a region claims it and its pattern gives it a type (what isValidNumber checks too)
		String region = UTIL.getRegionCodeForNumber(number);
		if (region == null) {
			return null;
		}
		PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
		if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
			return null;
		}
		return new Phone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), region, type.name());
	}

	/** Whether libphonenumber knows the region (an ISO 3166 code with phone metadata). */
	public static boolean isSupportedRegion(String region) {
		return UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
	}
}
