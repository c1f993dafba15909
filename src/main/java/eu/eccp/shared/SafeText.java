package eu.eccp.shared;

/**
 * Text the platform accepts from outside: no NUL character (U+0000, which PostgreSQL cannot store) and no
 * lone UTF-16 surrogate (which is not a character at all and cannot be encoded as UTF-8). Requests carrying
 * either are refused once, centrally, before any module sees them.
 */
public final class SafeText {

	private SafeText() {
	}

	/** Whether the text holds neither a NUL character nor an unpaired surrogate. */
	public static boolean isAcceptable(CharSequence text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return false;
			}
			if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}
}
