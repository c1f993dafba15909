package eu.eccp.organisations.internal;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.shared.SafeText;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * What a new password must be: long enough, not one of the 100,000 most common passwords (the list nbvcxz
 * ships, from leaked-password corpora), nor such a password with digits or symbols added before or after
 * it ({@code password1234}), not made of a few characters or one repeated pattern ({@code aaaaaaaaaaaa},
 * twelve spaces, {@code abcabcabcabc}), and not containing the person's username, names or e-mail name.
 */
@Component
class PasswordPolicy {

	static final int MAX_LENGTH = 256;
	static final int MIN_DISTINCT_CHARACTERS = 5;
	private static final int MIN_COMMON_CORE = 4;
	private static final int MIN_NAME_PART = 3;

	private final Set<String> common = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords).keySet();
	private final AccountsProperties properties;

	PasswordPolicy(AccountsProperties properties) {
		this.properties = properties;
	}

	/** The message code of what is wrong with the password, or null when it is acceptable. */
	@Nullable
	String problem(@Nullable String password, String username, @Nullable String displayName, @Nullable String email) {
		if (password == null || password.codePointCount(0, password.length()) < properties.minPasswordLength()) {
			return "validation.passwordTooShort";
		}
		if (password.length() > MAX_LENGTH) {
			return "validation.passwordTooLong";
		}
		if (!SafeText.isAcceptable(password)) {
			return "validation.unsafeText";
		}
		if (isRepetitive(password)) {
			return "validation.passwordRepetitive";
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (containsName(lower, username, displayName, email)) {
			return "validation.passwordContainsName";
		}
		if (isCommon(lower)) {
			return "validation.passwordCommon";
		}
		return null;
	}

	/** Fewer than five different characters, or one shorter pattern repeated. */
	static boolean isRepetitive(String password) {
		if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
			return true;
		}
		int length = password.length();
		for (int unit = 1; unit <= length / 2; unit++) {
			if (length % unit == 0 && password.substring(unit).equals(password.substring(0, length - unit))) {
				return true;
			}
		}
		return false;
	}

	/** A common password, or one with only digits, spaces or symbols added before or after it. */
	boolean isCommon(String lower) {
		if (common.contains(lower)) {
			return true;
		}
		String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
		if (core.length() >= MIN_COMMON_CORE && common.contains(core)) {
			return true;
		}
		int length = lower.length();
		for (int i = MIN_COMMON_CORE; i < length; i++) {
			if (onlyPadding(lower.substring(i)) && common.contains(lower.substring(0, i))) {
				return true;
			}
			int start = length - i;
			if (onlyPadding(lower.substring(0, start)) && common.contains(lower.substring(start))) {
				return true;
			}
		}
		return false;
	}

	private static boolean onlyPadding(String text) {
		return text.codePoints().noneMatch(Character::isLetter);
	}

	private static boolean containsName(String lower, String username, @Nullable String displayName,
			@Nullable String email) {
		StringBuilder names = new StringBuilder(username);
		if (displayName != null) {
			names.append(' ').append(displayName);
		}
		if (email != null && email.contains("@")) {
			names.append(' ').append(email, 0, email.indexOf('@'));
		}
		if (username.length() >= MIN_NAME_PART && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return true;
		}
		for (String part : names.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (part.length() >= MIN_NAME_PART && lower.contains(part)) {
				return true;
			}
		}
		return false;
	}
}
