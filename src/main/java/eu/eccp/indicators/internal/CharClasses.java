package eu.eccp.indicators.internal;

/**
 * The character classes the {@link Scanner} reads text by, as tables: one byte of flags per ASCII character
 * ({@link #CLASS}) and one bit per character of the Basic Multilingual Plane for "a letter or digit of another
 * script" ({@link #isNonAsciiWord}), computed once, so that the hot loop never asks {@link Character#getType}
 * (which costs a lookup through several tables per call, and ran for every non-ASCII character of prose).
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

	/** The flags of each ASCII character. */
	static final byte[] CLASS = new byte[128];

	/**
	 * The flags of every character of the Basic Multilingual Plane: those of {@link #CLASS} for ASCII, and
	 * {@link #WORD} alone for a letter or digit of another script ({@link #isNonAsciiWord}). 64 KiB, of which
	 * text in Latin script touches the first few cache lines: the cursor's loop reads a character's flags with
	 * one look-up and no branch on its range.
	 */
	static final byte[] CHAR_CLASS = new byte[1 << 16];

	/** One bit per BMP character: a letter or digit (Unicode categories Lu to Nd). */
	private static final long[] NON_ASCII_WORD = new long[1 << 10];

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			CLASS[c] = WORD | URL | LOWER;
			CLASS[Character.toUpperCase(c)] = WORD | URL;
		}
		for (char c = '0'; c <= '9'; c++) {
			CLASS[c] = WORD | URL | SIGNIFICANT;
		}
		for (char c : ".-_@:/+".toCharArray()) {
			CLASS[c] = WORD | URL;
		}
		for (char c : ".@:".toCharArray()) {
			CLASS[c] |= SIGNIFICANT;
		}
		CLASS[':'] |= COLON;
		CLASS['@'] |= AT;
		for (char c : "!$&'()*,;=?#%~[]".toCharArray()) {
			CLASS[c] = URL;
		}
		for (int c = 128; c <= Character.MAX_VALUE; c++) {
			int type = Character.getType(c);
			if (type >= Character.UPPERCASE_LETTER && type <= Character.DECIMAL_DIGIT_NUMBER) {
				NON_ASCII_WORD[c >>> 6] |= 1L << c;
				CHAR_CLASS[c] = WORD;
			}
		}
		System.arraycopy(CLASS, 0, CHAR_CLASS, 0, CLASS.length);
	}

	static boolean isUrlChar(char c) {
		return c < 128 ? (CLASS[c] & URL) != 0 : isNonAsciiWord(c);
	}

	/**
	 * A letter or digit outside ASCII (Unicode categories Lu, Ll, Lt, Lm, Lo, Mn, Mc, Me, Nd, as
	 * {@code Character.getType} numbers them), by table.
	 */
	static boolean isNonAsciiWord(char c) {
		return (NON_ASCII_WORD[c >>> 6] & 1L << c) != 0;
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
