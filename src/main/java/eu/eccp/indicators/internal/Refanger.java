package eu.eccp.indicators.internal;

import java.util.BitSet;

/**
 * One linear pass that undoes defanging: {@code hxxp}/{@code hxxps}/{@code fxp} before a scheme separator,
 * {@code [.] (.) {.} [dot] (dot) {dot}}, {@code [:] [://] [/]}, {@code [@] [at] (at) {at}} (brackets of any
 * kind, any case, optionally with one space on each side between words), {@code \.}, and {@code " dot "}
 * between words. Ideographic full stops ({@code 。．｡}) between label characters become dots without
 * counting as defanged (IDNA treats them as dots).
 */
final class Refanger {

	private Refanger() {
	}

	static PreparedText refang(PreparedText in) {
		return new Pass(in).run();
	}

	private static final class Pass {

		private final PreparedText in;
		private final char[] s;
		private final int n;
		private char[] out;
		private int[] map;
		private int[] ends;
		private BitSet strong;
		private BitSet weak;
		private int o;
		private boolean changed;

		Pass(PreparedText in) {
			this.in = in;
			this.s = in.chars;
			this.n = in.length;
		}

		PreparedText run() {
			int i = 0;
			while (i < n) {
				char c = s[i];
				int consumed = 0;
				switch (c) {
					case '[', '(', '{' -> consumed = bracket(i);
					case ' ' -> consumed = spaced(i);
					case 'h', 'H', 'f', 'F' -> consumed = scheme(i);
					case '\\' -> {
						if (i + 1 < n && s[i + 1] == '.' && i > 0 && isLabelChar(s[i - 1]) && i + 2 < n && isLabelChar(s[i + 2])) {
							replace(i, 2, ".", true, false);
							consumed = 2;
						}
					}
					case '\u3002', '\uFF0E', '\uFF61' -> {
						if (i > 0 && isLabelChar(s[i - 1]) && i + 1 < n && isLabelChar(s[i + 1])) {
							replace(i, 1, ".", false, false);
							consumed = 1;
						}
					}
					default -> {
					}
				}
				if (consumed == 0) {
					if (changed) {
						out[o] = c;
						map[o] = sourceOf(i);
						ends[o] = in.sourceEnd(i);
						o++;
					}
					i++;
				}
				else {
					i += consumed;
				}
			}
			if (!changed) {
				return in;
			}
			return new PreparedText(out, o, map, ends, in.sourceLength, strong, weak);
		}

		/**
		 * A bracketed marker at {@code i}: the length of the input it replaces, or 0. The word markers
		 * {@code (dot)} and {@code (at)} count only between characters of an address.
		 */
		private int bracket(int i) {
			int length = bracketLength(i);
			if (length == 0) {
				return 0;
			}
			int end = i + length - 1;
			String inner = new String(s, i + 1, length - 2).toLowerCase(java.util.Locale.ROOT);
			String replacement = switch (inner) {
				case ".", "dot" -> ".";
				case "@", "at" -> "@";
				case ":" -> ":";
				case "://" -> "://";
				case "/" -> "/";
				case "//" -> "//";
				default -> null;
			};
			if (replacement == null) {
				return 0;
			}
			if (inner.length() > 1 && (replacement.equals(".") || replacement.equals("@"))
					&& (i == 0 || !isLabelChar(s[i - 1]) || end + 1 >= n || !isLabelChar(s[end + 1]))) {
				return 0;
			}
			replace(i, length, replacement, true, false);
			return length;
		}

		/** {@code " dot "} or a bracketed dot/at marker with a space on each side, between words. */
		private int spaced(int i) {
			if (i == 0 || !isLabelChar(s[i - 1]) || i + 1 >= n) {
				return 0;
			}
			char next = s[i + 1];
			if (next == '[' || next == '(' || next == '{') {
				int length = bracketLength(i + 1);
				if (length > 0 && i + 2 + length < n && s[i + 1 + length] == ' ' && isLabelChar(s[i + 2 + length])) {
					String inner = new String(s, i + 2, length - 2).toLowerCase(java.util.Locale.ROOT);
					String replacement = inner.equals(".") || inner.equals("dot") ? "."
							: inner.equals("@") || inner.equals("at") ? "@" : null;
					if (replacement != null) {
						replace(i, length + 2, replacement, true, false);
						return length + 2;
					}
				}
				return 0;
			}
			if ((next == 'd' || next == 'D') && i + 5 < n && (s[i + 2] == 'o' || s[i + 2] == 'O')
					&& (s[i + 3] == 't' || s[i + 3] == 'T') && s[i + 4] == ' ' && isLabelChar(s[i + 5])) {
				replace(i, 5, ".", false, true);
				return 5;
			}
			return 0;
		}

		/** The length of {@code [x]}, {@code (x)} or {@code {x}} with at most three characters inside, or 0. */
		private int bracketLength(int i) {
			char close = switch (s[i]) {
				case '[' -> ']';
				case '(' -> ')';
				default -> '}';
			};
			for (int j = i + 1; j < n && j <= i + 4; j++) {
				if (s[j] == close) {
					return j - i + 1;
				}
			}
			return 0;
		}

		/** {@code hxxp}, {@code hxxps}, {@code fxp} (any case) at a word start, before {@code :} or a bracket. */
		private int scheme(int i) {
			if (i > 0 && Character.isLetterOrDigit(s[i - 1])) {
				return 0;
			}
			boolean http = s[i] == 'h' || s[i] == 'H';
			int length = http ? 4 : 3;
			if (i + length >= n) {
				return 0;
			}
			if (http) {
				if (!isX(s[i + 1]) || !isX(s[i + 2]) || !(s[i + 3] == 'p' || s[i + 3] == 'P')) {
					return 0;
				}
			}
			else if (!isX(s[i + 1]) || !(s[i + 2] == 'p' || s[i + 2] == 'P')) {
				return 0;
			}
			int after = i + length;
			if (after < n && (s[after] == 's' || s[after] == 'S')) {
				after++;
			}
			if (after >= n || !(s[after] == ':' || s[after] == '[' || s[after] == '(' || s[after] == '{')) {
				return 0;
			}
			replace(i, length, http ? "http" : "ftp", true, false);
			return length;
		}

		private static boolean isX(char c) {
			return c == 'x' || c == 'X';
		}

		private void replace(int from, int length, String replacement, boolean defang, boolean weakly) {
			if (!changed) {
				changed = true;
				out = new char[n + 8];
				map = new int[n + 8];
				ends = new int[n + 8];
				for (int k = 0; k < from; k++) {
					out[k] = s[k];
					map[k] = sourceOf(k);
					ends[k] = in.sourceEnd(k);
				}
				o = from;
				strong = new BitSet();
				weak = new BitSet();
			}
			int source = sourceOf(from);
			int sourceEnd = in.sourceEnd(from + length - 1);
			for (int k = 0; k < replacement.length(); k++) {
				if (o >= out.length) {
					out = java.util.Arrays.copyOf(out, out.length * 2);
					map = java.util.Arrays.copyOf(map, map.length * 2);
					ends = java.util.Arrays.copyOf(ends, ends.length * 2);
				}
				out[o] = replacement.charAt(k);
				map[o] = source;
				ends[o] = sourceEnd;
				if (defang) {
					strong.set(o);
				}
				if (weakly) {
					weak.set(o);
				}
				o++;
			}
		}

		private int sourceOf(int index) {
			return in.source(index);
		}
	}

	static boolean isLabelChar(char c) {
		return c < 128 ? (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')
				: Character.isLetterOrDigit(c);
	}
}
