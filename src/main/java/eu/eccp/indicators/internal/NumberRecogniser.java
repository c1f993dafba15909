package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * Finds numbers written in groups ({@code 4970 1012 3456 7890}, {@code +33 (0)1 23 45 67 89}, at most 40
 * characters): payment cards (validated and masked by {@link PaymentCards}, with a keyed hash when the
 * extractor has a key) and phone numbers (validated by {@link PhoneNumbers}, national ones in the default
 * region). The digits and the group lengths are collected once, into buffers kept for the whole scan.
 */
final class NumberRecogniser {

	private final ScanText t;
	private final char[] s;
	private final int n;
	private final @Nullable String region;
	private final byte @Nullable [] cardKey;
	/** The keyed hasher of card numbers, made at the first card of this window (making one costs a provider look-up). */
	private javax.crypto.@Nullable Mac cardHasher;
	/** Whether national numbers of the default region start with the trunk prefix 0 (most of Europe). */
	private final boolean zeroTrunkPrefix;
	/** Where the last number was tried (a word and its first piece start at the same place). */
	private int lastNumberAttempt = -1;
	private final char[] digitBuffer = new char[20];
	private final int[] groupBuffer = new int[12];

	NumberRecogniser(ScanText t, @Nullable String region, byte @Nullable [] cardKey) {
		this.t = t;
		this.s = t.s;
		this.n = t.n;
		this.region = region;
		this.cardKey = cardKey;
		this.zeroTrunkPrefix = region != null && "0".equals(PhoneNumberUtil.getInstance().getNddPrefixForRegion(region, true));
	}

	/**
	 * A number written with groups (at most 40 characters from {@code i}): a payment card or a phone
	 * number. Returns the index after it, or -1.
	 */
	int number(int i) {
		if (i < t.consumedTo || i == lastNumberAttempt) {
			return -1;
		}
		lastNumberAttempt = i;
		if (i > 0) {
			char before = s[i - 1];
			if (isLetterOrDigit(before) || before == '.' || before == '-' || before == '_' || before == '/'
					|| before == '+' || before == ',') {
				return -1;
			}
		}
		int limit = Math.min(n, i + 40);
		int p = i;
		boolean plus = false;
		if (s[p] == '+') {
			plus = true;
			p++;
		}
		char[] digits = digitBuffer;
		int count = 0;
		int[] groups = groupBuffer;
		int groupCount = 0;
		int group = 0;
		char separator = 0;
		boolean mixed = false;
		boolean parens = false;
		boolean open = false;
		int lastDigitEnd = -1;
		int singleDigitGroups = 0;
		while (p < limit) {
			char c = s[p];
			if (isDigit(c)) {
				if (count == 20) {
					return -1;
				}
				digits[count++] = c;
				group++;
				p++;
				lastDigitEnd = p;
				continue;
			}
			if (c == '(') {
				if (parens || p + 1 >= n || !isDigit(s[p + 1])) {
					break;
				}
				if (group > 0) {
					if (groupCount == groups.length) {
						return -1;
					}
					groups[groupCount++] = group;
					group = 0;
				}
				parens = true;
				open = true;
				p++;
				continue;
			}
			if (c == ')') {
				if (!open || group == 0) {
					break;
				}
				open = false;
				p++;
				if (p < limit && s[p] == ' ' && p + 1 < n && isDigit(s[p + 1])) {
					p++;
				}
				if (groupCount == groups.length) {
					return -1;
				}
				groups[groupCount++] = group;
				group = 0;
				continue;
			}
			if (c == ' ' || c == '-' || c == '.' || c == '/') {
				if (group == 0 || p + 1 >= n || !(isDigit(s[p + 1]) || s[p + 1] == '(')) {
					break;
				}
				if (group == 1 && ++singleDigitGroups > 2) {
					return -1; // neither a card (one short group at most, the last) nor a phone (two at most)
				}
				if (separator == 0) {
					separator = c;
				}
				else if (separator != c) {
					mixed = true;
				}
				if (groupCount == groups.length) {
					return -1;
				}
				groups[groupCount++] = group;
				group = 0;
				p++;
				continue;
			}
			break;
		}
		if (open || lastDigitEnd < 0) {
			return -1;
		}
		if (group > 0) {
			if (groupCount == groups.length) {
				return -1;
			}
			groups[groupCount++] = group;
		}
		int end = lastDigitEnd;
		if (end < n) {
			char after = s[end];
			// the number must end here, not run on into a longer token ("8192.168.001.a@b.co", "12-ab")
			if (isLetterOrDigit(after) || after == '@' || after == '_' || after == '+'
					|| (after == '.' || after == '-' || after == '/' || after == ':') && end + 1 < n
							&& isLetterOrDigit(s[end + 1])
					|| after == ',' && end + 1 < n && isDigit(s[end + 1])) {
				return -1;
			}
		}
		if (count < 7) {
			return -1; // shorter than any phone number (a card has at least 13 digits): years, times, amounts
		}
		String number = new String(digits, 0, count);
		if (!plus && !parens && count >= 13 && count <= 19 && !mixed && (groupCount == 1 || separator == ' ' || separator == '-')
				&& cardGrouping(groups, groupCount) && PaymentCards.isValid(number)) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put(Indicator.BRAND, PaymentCards.brand(number));
			if (cardKey != null) {
				if (cardHasher == null) {
					cardHasher = PaymentCards.keyedHasher(cardKey);
				}
				details.put(Indicator.KEYED_HASH, PaymentCards.keyedHash(number, cardHasher));
			}
			t.emit(IndicatorType.PAYMENT_CARD, PaymentCards.mask(number), i, end, details, null);
			return end;
		}
		if (phoneShape(plus, parens, number, groups, groupCount, separator, mixed)) {
			// the digits alone: libphonenumber reads the separators away anyway, and its patterns (extensions, valid
			// punctuation) then run over a shorter, simpler string
			PhoneNumbers.Phone phone = PhoneNumbers.parse(plus ? "+" + number : number, region);
			if (phone != null) {
				// in this order, whatever the run: Map.of's order of two entries changes from one JVM to the next
				Map<String, Object> details = new LinkedHashMap<>();
				details.put(Indicator.REGION, phone.region());
				details.put(Indicator.NUMBER_TYPE, phone.numberType());
				t.emit(IndicatorType.PHONE, phone.e164(), i, end, details, null);
				return end;
			}
		}
		return -1;
	}

	private static boolean cardGrouping(int[] groups, int count) {
		if (count == 1) {
			return true;
		}
		if (count == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4)) {
			return true;
		}
		for (int g = 0; g < count - 1; g++) {
			if (groups[g] != 4) {
				return false;
			}
		}
		return groups[count - 1] >= 1 && groups[count - 1] <= 4;
	}

	private boolean phoneShape(boolean plus, boolean parens, String number, int[] groups, int groupCount,
			char separator, boolean mixed) {
		int count = number.length();
		boolean international = plus || number.startsWith("00");
		if (count < 7 || count > (international && !plus ? 17 : 15) || groupCount > 7) {
			return false;
		}
		if (mixed && (separator == '.' || separator == '/')) {
			return false;
		}
		int ones = 0;
		for (int g = 0; g < groupCount; g++) {
			if (groups[g] == 1) {
				ones++;
			}
		}
		if (ones > 2) {
			return false;
		}
		if (separator == '.' && groupCount == 4 && groups[0] <= 3 && groups[1] <= 3 && groups[2] <= 3 && groups[3] <= 3) {
			return false; // an IPv4 address
		}
		if (groupCount >= 3 && (groups[0] == 4 && groups[1] == 2 && groups[2] == 2 || groups[0] == 2 && groups[1] == 2
				&& groups[2] == 4) && separator != ' ') {
			return false; // a date
		}
		if (international) {
			return true;
		}
		if (region == null) {
			return false;
		}
		if (zeroTrunkPrefix) {
			return number.charAt(0) == '0';
		}
		return groupCount >= 2 || parens;
	}
}
