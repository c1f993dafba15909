package eu.eccp.indicators.internal;

/**
 * The character classes the {@link Scanner} reads text by, as one table of flags for every character of the
 * Basic Multilingual Plane ({@link #CHAR_CLASS}; "a letter or digit of another script" is {@link #WORD} there,
 * {@link #isNonAsciiWord}), computed once, so that the hot loop never asks {@link Character#getType} (which costs
 * a lookup through several tables per call, and ran for every non-ASCII character of prose).
 */
final class CharClasses {

	private CharClasses() {
	}

	/** Part of a word: letters, digits and {@code .-_@:/+}. */
	static final byte WORD = 1;
	/** May be in a URL. */
	static final byte URL = 2;
	/** What a word holds, to skip plain words at once: characters that can make an indicator... */
	static final byte SIGNIFICANT = 4;
	/** ...lower-case letters (an upper-case word of 2, 3, 8 or 11 letters may be an ASN or a BIC). */
	static final byte LOWER = 8;
	/** A colon (a URL scheme, an IPv6 address, a port) and an at sign (an e-mail address). */
	static final byte COLON = 16;
	static final byte AT = 32;

	/**
	 * The flags of every character of the Basic Multilingual Plane; a letter or digit of another script has
	 * {@link #WORD} alone. 64 KiB, of which text in Latin script touches the first few cache lines: the cursor's
	 * loop reads a character's flags with one look-up and no branch on its range.
	 */
	static final byte[] CHAR_CLASS = new byte[1 << 16];

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			CHAR_CLASS[c] = WORD | URL | LOWER;
			CHAR_CLASS[Character.toUpperCase(c)] = WORD | URL;
		}
		for (char c = '0'; c <= '9'; c++) {
			CHAR_CLASS[c] = WORD | URL | SIGNIFICANT;
		}
		for (char c : ".-_@:/+".toCharArray()) {
			CHAR_CLASS[c] = WORD | URL;
		}
		for (char c : ".@:".toCharArray()) {
			CHAR_CLASS[c] |= SIGNIFICANT;
		}
		CHAR_CLASS[':'] |= COLON;
		CHAR_CLASS['@'] |= AT;
		for (char c : "!$&'()*,;=?#%~[]".toCharArray()) {
			CHAR_CLASS[c] = URL;
		}
		for (int c = 128; c <= Character.MAX_VALUE; c++) {
			int type = Character.getType(c);
			if (type >= Character.UPPERCASE_LETTER && type <= Character.DECIMAL_DIGIT_NUMBER) {
				CHAR_CLASS[c] = WORD;
			}
		}
	}

	static boolean isUrlChar(char c) {
		return (CHAR_CLASS[c] & (c < 128 ? URL : WORD)) != 0;
	}

	/**
	 * A letter or digit outside ASCII (Unicode categories Lu, Ll, Lt, Lm, Lo, Mn, Mc, Me, Nd, as
	 * {@code Character.getType} numbers them), by table.
	 */
	static boolean isNonAsciiWord(char c) {
		return c >= 128 && (CHAR_CLASS[c] & WORD) != 0;
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isAsciiLetter(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}

	static boolean isAsciiAlnum(char c) {
		return isAsciiLetter(c) || isDigit(c);
	}

	static boolean isHex(char c) {
		return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
	}

	static boolean isLetterOrDigit(char c) {
		return c < 128 ? isAsciiAlnum(c) : Character.isLetterOrDigit(c);
	}

	static boolean isCjk(char c) {
		if (c < 0x1100) {
			return false;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(c);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}
}
