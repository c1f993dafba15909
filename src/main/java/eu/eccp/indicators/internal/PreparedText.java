package eu.eccp.indicators.internal;

import java.util.Arrays;
import java.util.BitSet;

import org.jspecify.annotations.Nullable;

/**
 * Text as the scanner reads it (refanged, HTML decoded), with the way back to the input: where each
 * character came from in the input, and which characters replaced a defanged form.
 *
 * <p>The way back is either per-character arrays (HTML, where most characters move) or, for refanging,
 * a short sorted list of edits over a base text (replacements are rare, so the text is copied in bulk and
 * a position is mapped back by binary search only when an indicator is found).
 */
final class PreparedText {

	final char[] chars;
	final int length;
	/** For each character, its index in the input; null when the text is the input itself or has edits. */
	final int @Nullable [] sourceIndex;
	/** For each character, the index in the input after what it was read from (an entity); as above. */
	final int @Nullable [] sourceEnd;
	/** Length of the input. */
	final int sourceLength;
	/** Characters written for a defanged form ({@code [.]}, {@code hxxp}, {@code [at]}...). */
	final @Nullable BitSet defanged;
	/** Characters written for {@code " dot "}, which prose also uses innocently. */
	final @Nullable BitSet weaklyDefanged;

	/** The text this one was made from by replacements, or null. */
	private final @Nullable PreparedText base;
	/** Replacements, ordered: output [editStart, editStart + editLength) replaced base [editFrom, editTo). */
	private final int @Nullable [] editStart;
	private final int @Nullable [] editLength;
	private final int @Nullable [] editFrom;
	private final int @Nullable [] editTo;
	private final int edits;

	PreparedText(char[] chars, int length, int @Nullable [] sourceIndex, int @Nullable [] sourceEnd, int sourceLength) {
		this.chars = chars;
		this.length = length;
		this.sourceIndex = sourceIndex;
		this.sourceEnd = sourceEnd;
		this.sourceLength = sourceLength;
		this.defanged = null;
		this.weaklyDefanged = null;
		this.base = null;
		this.editStart = null;
		this.editLength = null;
		this.editFrom = null;
		this.editTo = null;
		this.edits = 0;
	}

	/** A text made from {@code base} by the given replacements. */
	PreparedText(PreparedText base, char[] chars, int length, int[] editStart, int[] editLength, int[] editFrom,
			int[] editTo, int edits, BitSet defanged, BitSet weaklyDefanged) {
		this.chars = chars;
		this.length = length;
		this.sourceIndex = null;
		this.sourceEnd = null;
		this.sourceLength = base.sourceLength;
		this.defanged = defanged;
		this.weaklyDefanged = weaklyDefanged;
		this.base = base;
		this.editStart = editStart;
		this.editLength = editLength;
		this.editFrom = editFrom;
		this.editTo = editTo;
		this.edits = edits;
	}

	static PreparedText of(String input) {
		char[] chars = input.toCharArray();
		return new PreparedText(chars, chars.length, null, null, chars.length);
	}

	/** The first {@code length} characters of {@code chars} as they are (not copied). */
	static PreparedText of(char[] chars, int length) {
		return new PreparedText(chars, length, null, null, length);
	}

	/**
	 * The first index of this text whose character was read from {@code sourcePosition} of the input or
	 * after it ({@link #length} if none): the way from the input to this text, for where a scan resumes.
	 */
	int indexOf(int sourcePosition) {
		if (base != null) {
			int inBase = base.indexOf(sourcePosition);
			// the last edit that starts at or before that index of the base text
			int low = 0;
			int high = edits - 1;
			int edit = -1;
			while (low <= high) {
				int mid = (low + high) >>> 1;
				if (editFrom[mid] <= inBase) {
					edit = mid;
					low = mid + 1;
				}
				else {
					high = mid - 1;
				}
			}
			if (edit < 0) {
				return Math.min(inBase, length);
			}
			if (inBase < editTo[edit]) {
				return inBase == editFrom[edit] ? editStart[edit] : editStart[edit] + editLength[edit];
			}
			return Math.min(editStart[edit] + editLength[edit] + inBase - editTo[edit], length);
		}
		if (sourceIndex == null) {
			return Math.min(Math.max(sourcePosition, 0), length);
		}
		int low = 0;
		int high = length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sourceIndex[mid] < sourcePosition) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	/** Where the character at {@code index} (or the end, for {@code index == length}) is in the input. */
	int source(int index) {
		if (base != null) {
			if (index >= length) {
				return sourceLength;
			}
			int edit = editAt(index);
			if (edit < 0) {
				return base.source(index);
			}
			int replacementEnd = editStart[edit] + editLength[edit];
			return index < replacementEnd ? base.source(editFrom[edit]) : base.source(editTo[edit] + index - replacementEnd);
		}
		if (sourceIndex == null) {
			return index;
		}
		return index < length ? sourceIndex[index] : sourceLength;
	}

	/** Where the input text that the character at {@code index} was read from ends. */
	int sourceEnd(int index) {
		if (base != null) {
			int edit = editAt(index);
			if (edit < 0) {
				return base.sourceEnd(index);
			}
			int replacementEnd = editStart[edit] + editLength[edit];
			return index < replacementEnd ? base.sourceEnd(editTo[edit] - 1)
					: base.sourceEnd(editTo[edit] + index - replacementEnd);
		}
		return sourceEnd == null ? index + 1 : sourceEnd[index];
	}

	/** The last edit starting at or before {@code index}, or -1. */
	private int editAt(int index) {
		int found = Arrays.binarySearch(editStart, 0, edits, index);
		if (found >= 0) {
			// several edits cannot start at one index: each writes at least one character
			return found;
		}
		return -found - 2;
	}

	/** The last answer of {@link BitSet#nextSetBit} on {@link #defanged}: queries come in increasing order. */
	private int queriedFrom = Integer.MAX_VALUE;
	private int nextDefanged;

	boolean defanged(int from, int to) {
		if (defanged == null) {
			return false;
		}
		if (from < queriedFrom || from > nextDefanged && nextDefanged >= 0) {
			queriedFrom = from;
			nextDefanged = defanged.nextSetBit(from);
		}
		return nextDefanged >= from && nextDefanged < to;
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
