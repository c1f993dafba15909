package eu.eccp.indicators.internal;

import java.util.BitSet;

import org.jspecify.annotations.Nullable;

/**
 * Text as the scanner reads it (refanged, HTML decoded), with the way back to the input: for each character,
 * where it came from in the input, and which characters replaced a defanged form.
 */
final class PreparedText {

	final char[] chars;
	final int length;
	/** For each character, its index in the input; null when the text is the input itself. */
	final int @Nullable [] sourceIndex;
	/** For each character, the index in the input after what it was read from (an entity, a defanged form). */
	final int @Nullable [] sourceEnd;
	/** Length of the input. */
	final int sourceLength;
	/** Characters written for a defanged form ({@code [.]}, {@code hxxp}, {@code [at]}...). */
	final @Nullable BitSet defanged;
	/** Characters written for {@code " dot "}, which prose also uses innocently. */
	final @Nullable BitSet weaklyDefanged;

	PreparedText(char[] chars, int length, int @Nullable [] sourceIndex, int @Nullable [] sourceEnd, int sourceLength,
			@Nullable BitSet defanged, @Nullable BitSet weaklyDefanged) {
		this.chars = chars;
		this.length = length;
		this.sourceIndex = sourceIndex;
		this.sourceEnd = sourceEnd;
		this.sourceLength = sourceLength;
		this.defanged = defanged;
		this.weaklyDefanged = weaklyDefanged;
	}

	static PreparedText of(String input) {
		char[] chars = input.toCharArray();
		return new PreparedText(chars, chars.length, null, null, chars.length, null, null);
	}

	/** Where the character at {@code index} (or the end, for {@code index == length}) is in the input. */
	int source(int index) {
		if (sourceIndex == null) {
			return index;
		}
		return index < length ? sourceIndex[index] : sourceLength;
	}

	/** Where the input text that the character at {@code index} was read from ends. */
	int sourceEnd(int index) {
		return sourceEnd == null ? index + 1 : sourceEnd[index];
	}

	boolean defanged(int from, int to) {
		return marked(defanged, from, to);
	}

	boolean weaklyDefanged(int from, int to) {
		return marked(weaklyDefanged, from, to);
	}

	private static boolean marked(@Nullable BitSet marks, int from, int to) {
		if (marks == null) {
			return false;
		}
		int next = marks.nextSetBit(from);
		return next >= 0 && next < to;
	}
}
