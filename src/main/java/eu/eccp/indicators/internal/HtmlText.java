package eu.eccp.indicators.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTML to scannable text in one linear pass: tags become spaces, the values of link attributes
 * ({@code href}, {@code src}, {@code action}...) are written out in their place, character references are
 * decoded (so {@code example&#46;com} reads as a domain), comments keep their content. Every character keeps
 * its position in the HTML source.
 */
final class HtmlText {

	private static final Set<String> LINK_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data",
			"background", "cite", "poster", "longdesc", "srcset", "content", "ping", "xlink:href");

	private static final Map<String, Character> ENTITIES = Map.ofEntries(Map.entry("amp", '&'), Map.entry("lt", '<'),
			Map.entry("gt", '>'), Map.entry("quot", '"'), Map.entry("apos", '\''), Map.entry("nbsp", ' '),
			Map.entry("period", '.'), Map.entry("commat", '@'), Map.entry("colon", ':'), Map.entry("sol", '/'),
			Map.entry("lpar", '('), Map.entry("rpar", ')'), Map.entry("lsqb", '['), Map.entry("rsqb", ']'),
			Map.entry("lbrack", '['), Map.entry("rbrack", ']'), Map.entry("hyphen", '-'), Map.entry("dash", '-'),
			Map.entry("num", '#'), Map.entry("percnt", '%'), Map.entry("equals", '='), Map.entry("quest", '?'),
			Map.entry("lowbar", '_'), Map.entry("plus", '+'), Map.entry("comma", ','), Map.entry("semi", ';'),
			Map.entry("excl", '!'), Map.entry("ensp", ' '), Map.entry("emsp", ' '), Map.entry("thinsp", ' '),
			Map.entry("shy", '\u00AD'), Map.entry("zwnj", '\u200C'), Map.entry("zwj", '\u200D'),
			Map.entry("copy", '©'), Map.entry("reg", '®'), Map.entry("euro", '€'), Map.entry("hellip", '…'),
			Map.entry("laquo", '«'), Map.entry("raquo", '»'), Map.entry("ndash", '–'), Map.entry("mdash", '—'),
			Map.entry("lsquo", '‘'), Map.entry("rsquo", '’'), Map.entry("ldquo", '“'), Map.entry("rdquo", '”'),
			Map.entry("eacute", 'é'), Map.entry("egrave", 'è'), Map.entry("agrave", 'à'), Map.entry("ccedil", 'ç'),
			Map.entry("uuml", 'ü'), Map.entry("ouml", 'ö'), Map.entry("auml", 'ä'), Map.entry("szlig", 'ß'));

	/** The HTML as an array: indexing it is cheaper than {@code String.charAt} on non-Latin text. */
	private final char[] h;
	private final int n;
	private char[] out;
	private int[] map;
	private int[] ends;
	private int o;
	/** A '<' at or after this index has no '>' after it. */
	private int noTagEndAfter = Integer.MAX_VALUE;

	private HtmlText(char[] html, int length, Workspace workspace) {
		this.h = html;
		this.n = length;
		if (workspace.out.length < n + 2) {
			workspace.out = new char[n + 2];
			workspace.map = new int[n + 2];
			workspace.ends = new int[n + 2];
		}
		this.out = workspace.out;
		this.map = workspace.map;
		this.ends = workspace.ends;
	}

	/** The arrays a conversion writes into, kept from one window to the next (the text returned uses them). */
	static final class Workspace {

		private char[] out = new char[0];
		private int[] map = new int[0];
		private int[] ends = new int[0];
	}

	static PreparedText convert(String html) {
		char[] chars = html.toCharArray();
		return convert(chars, chars.length);
	}

	/** The first {@code length} characters of {@code html} (a whole document or a window of one) as text. */
	static PreparedText convert(char[] html, int length) {
		return convert(html, length, new Workspace());
	}

	/** As {@link #convert(char[], int)}, into the arrays of {@code workspace}. */
	static PreparedText convert(char[] html, int length, Workspace workspace) {
		HtmlText converter = new HtmlText(html, length, workspace);
		converter.run();
		workspace.out = converter.out;
		workspace.map = converter.map;
		workspace.ends = converter.ends;
		return new PreparedText(converter.out, converter.o, converter.map, converter.ends, converter.n);
	}

	private void run() {
		int i = 0;
		while (i < n) {
			char c = h[i];
			if (c == '<' && i + 1 < n) {
				int next = markup(i);
				if (next > i) {
					i = next;
					continue;
				}
			}
			if (c == '&') {
				i = reference(i, n);
				continue;
			}
			// text up to the next '<' or '&', copied as one run
			int j = i + 1;
			while (j < n && h[j] != '<' && h[j] != '&') {
				j++;
			}
			emitRun(i, j);
			i = j;
		}
	}

	/** The characters {@code h[from, to)} as they are, each at its own position. */
	private void emitRun(int from, int to) {
		int length = to - from;
		reserve(length);
		System.arraycopy(h, from, out, o, length);
		int[] map = this.map;
		int[] ends = this.ends;
		for (int k = 0; k < length; k++) {
			map[o + k] = from + k;
			ends[o + k] = from + k + 1;
		}
		o += length;
	}

	private void emit(char c, int source) {
		emit(c, source, source + 1);
	}

	private void emit(char c, int source, int sourceEnd) {
		reserve(1);
		out[o] = c;
		map[o] = source;
		ends[o] = sourceEnd;
		o++;
	}

	/** Room for {@code count} more characters and their positions: the arrays grown to twice at least. */
	private void reserve(int count) {
		if (o + count > out.length) {
			int capacity = Math.max(out.length * 2, o + count);
			out = java.util.Arrays.copyOf(out, capacity);
			map = java.util.Arrays.copyOf(map, capacity);
			ends = java.util.Arrays.copyOf(ends, capacity);
		}
	}

	/** A tag, comment or declaration at {@code i}: returns where the text continues, or {@code i}. */
	private int markup(int i) {
		if (i + 3 < n && h[i + 1] == '!' && h[i + 2] == '-' && h[i + 3] == '-') {
			emit(' ', i);
			return i + 4; // the comment's content is read as text
		}
		char next = h[i + 1];
		if (!(Character.isLetter(next) || next == '/' || next == '!' || next == '?')) {
			return i;
		}
		if (i >= noTagEndAfter) {
			return i;
		}
		int end = tagEnd(i + 1);
		if (end < 0) {
			noTagEndAfter = i;
			return i;
		}
		emit(' ', i);
		attributes(i + 1, end);
		emit(' ', end);
		return end + 1;
	}

	/** The index of the '>' closing a tag that starts before {@code from}, quotes respected; -1 if none. */
	private int tagEnd(int from) {
		char quote = 0;
		for (int j = from; j < n; j++) {
			char c = h[j];
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '>') {
				return j;
			}
		}
		// an unbalanced quote: fall back to the first '>'
		for (int j = from; j < n; j++) {
			if (h[j] == '>') {
				return j;
			}
		}
		return -1;
	}

	/** Writes out the values of link attributes found in the tag {@code html[from, to)}. */
	private void attributes(int from, int to) {
		int j = from;
		// skip the tag name
		while (j < to && !isSpace(h[j])) {
			j++;
		}
		while (j < to) {
			while (j < to && (isSpace(h[j]) || h[j] == '/')) {
				j++;
			}
			int nameStart = j;
			while (j < to && !isSpace(h[j]) && h[j] != '=' && h[j] != '/') {
				j++;
			}
			String name = new String(h, nameStart, j - nameStart).toLowerCase(Locale.ROOT);
			while (j < to && isSpace(h[j])) {
				j++;
			}
			if (j >= to || h[j] != '=') {
				if (j == nameStart) {
					j++;
				}
				continue;
			}
			j++;
			while (j < to && isSpace(h[j])) {
				j++;
			}
			int valueStart;
			int valueEnd;
			if (j < to && (h[j] == '"' || h[j] == '\'')) {
				char quote = h[j];
				valueStart = j + 1;
				valueEnd = valueStart;
				while (valueEnd < to && h[valueEnd] != quote) {
					valueEnd++;
				}
				j = Math.min(valueEnd + 1, to);
			}
			else {
				valueStart = j;
				while (j < to && !isSpace(h[j])) {
					j++;
				}
				valueEnd = j;
			}
			if (LINK_ATTRIBUTES.contains(name) || name.startsWith("data-")) {
				emit(' ', valueStart);
				int k = valueStart;
				while (k < valueEnd) {
					char c = h[k];
					if (c == '&') {
						k = reference(k, valueEnd);
					}
					else {
						emit(c, k);
						k++;
					}
				}
			}
		}
	}

	/** A character reference at {@code i} (before {@code limit}): decodes it and returns the index after it. */
	private int reference(int i, int limit) {
		int j = i + 1;
		if (j < limit && h[j] == '#') {
			j++;
			int radix = 10;
			if (j < limit && (h[j] == 'x' || h[j] == 'X')) {
				radix = 16;
				j++;
			}
			int start = j;
			int value = 0;
			while (j < limit && j - start < 7 && Character.digit(h[j], radix) >= 0 && h[j] < 128) {
				value = value * radix + Character.digit(h[j], radix);
				j++;
			}
			if (j == start || value > Character.MAX_CODE_POINT || value == 0) {
				emit('&', i);
				return i + 1;
			}
			if (j < limit && h[j] == ';') {
				j++;
			}
			char[] chars = Character.isValidCodePoint(value) ? Character.toChars(value) : new char[] { '\uFFFD' };
			for (char c : chars) {
				emit(c, i, j);
			}
			return j;
		}
		int start = j;
		while (j < limit && j - start < 10 && Character.isLetterOrDigit(h[j]) && h[j] < 128) {
			j++;
		}
		if (j < limit && h[j] == ';' && j > start) {
			Character decoded = ENTITIES.get(new String(h, start, j - start).toLowerCase(Locale.ROOT));
			if (decoded != null) {
				emit(decoded, i, j + 1);
				return j + 1;
			}
		}
		emit('&', i);
		return i + 1;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
	}
}
