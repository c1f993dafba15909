package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

/**
 * The scanner's cursor: walks prepared text word by word (runs of {@link CharClasses#WORD} characters and
 * letters of other scripts), collecting as it goes what each word holds ({@link CharClasses#SIGNIFICANT},
 * {@link CharClasses#LOWER}, {@link CharClasses#COLON}, {@link CharClasses#AT}), and hands only the words that
 * may be an indicator to the dispatch ({@link Words}); plain prose words cost one table look-up per character
 * and nothing else. Apart from the recognisers so that the hot loop stays small enough to be compiled whole.
 */
final class WordCursor {

	private WordCursor() {
	}

	/** Where the words go: the {@link Scanner}'s dispatch. */
	interface Words {

		/** A word {@code [a, b)} holding {@code content}; returns where the cursor goes on (at least {@code b}). */
		int word(int a, int b, int content);

		/** A {@code '('} at {@code i} followed by a digit: where to go on if a number was taken there, else -1. */
		int parenthesisedNumber(int i);

		/** Whether the three letters at {@code i} spell {@code asn} in any case. */
		boolean asnWord(int i);
	}

	/**
	 * Scans the words that start in {@code [start, stop)} of {@code s[0, n)}; returns where a scan of the rest
	 * must resume: the end of the last word or indicator.
	 */
	static int scan(char[] s, int n, int start, int stop, Words words) {
		byte[] classes = CHAR_CLASS;
		int i = start;
		while (i < stop) {
			char c = s[i];
			int content = classes[c];
			if ((content & WORD) == 0) {
				if (c == '(' && i + 1 < n && isDigit(s[i + 1])) {
					int next = words.parenthesisedNumber(i);
					if (next >= 0) {
						i = next;
						continue;
					}
				}
				i++;
				continue;
			}
			int j = i + 1;
			int beforeLast = 0;
			while (j < n) {
				byte type = classes[s[j]];
				if ((type & WORD) == 0) {
					break;
				}
				beforeLast = content;
				content |= type;
				j++;
			}
			// a word whose only dot or colon is its last character ends a sentence or names a field ("house.",
			// "Note:"): it is read as the word before it
			int significant = content;
			int length = j - i;
			if ((beforeLast & SIGNIFICANT) == 0 && (s[j - 1] == '.' || s[j - 1] == ':')) {
				significant = beforeLast;
				length--;
			}
			// words without digits, dots, '@' or ':' are prose, except short or BIC-long capitals
			if ((significant & SIGNIFICANT) != 0 || (significant & LOWER) == 0 && isCapitalsLength(length)
					|| length == 3 && words.asnWord(i)) {
				i = words.word(i, j, content);
			}
			else {
				i = j;
			}
		}
		return i;
	}

	/** Lengths of upper-case words that may be an ASN ({@code AS}, {@code ASN}) or a BIC (8 or 11). */
	private static boolean isCapitalsLength(int length) {
		return length == 2 || length == 3 || length == 8 || length == 11;
	}
}
