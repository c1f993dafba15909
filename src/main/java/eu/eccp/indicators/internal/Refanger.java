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

	/** Characters that start a defanged form whatever follows: brackets, a backslash. */
	private static final byte ALWAYS = 1;
	/** {@code h} and {@code f} start a defanged scheme only before an {@code x}. */
	private static final byte BEFORE_X = 2;
	/** A space starts {@code " dot "} or {@code " [.] "} only before one of {@code [({dD}. */
	private static final byte SPACE = 4;
	/**
	 * For every character of the Basic Multilingual Plane: which kinds of defanged form it may start (the ideographic
	 * full stops start one whatever follows)...
	 */
	private static final byte[] TRIGGERS = new byte[1 << 16];
	/** ...and which it may continue as the next character (any character continues a bracket). */
	private static final byte[] FOLLOWERS = new byte[1 << 16];

	static {
		for (char c : "[({\\".toCharArray()) {
			TRIGGERS[c] = ALWAYS;
		}
		for (char c : "hHfF".toCharArray()) {
			TRIGGERS[c] = BEFORE_X;
		}
		TRIGGERS[' '] = SPACE;
		for (char c : "\u3002\uFF0E\uFF61".toCharArray()) {
			TRIGGERS[c] = ALWAYS;
		}
		java.util.Arrays.fill(FOLLOWERS, ALWAYS);
		FOLLOWERS['x'] |= BEFORE_X;
		FOLLOWERS['X'] |= BEFORE_X;
		for (char c : "[({dD".toCharArray()) {
			FOLLOWERS[c] |= SPACE;
		}
	}

	private Refanger() {
	}

	static PreparedText refang(PreparedText in) {
		return new Pass(in, new Workspace()).run();
	}

	/**
	 * Refangs with the arrays of {@code workspace}, which the text returned then uses: for a stream of windows,
	 * each refanged once the one before is no longer needed.
	 */
	static PreparedText refang(PreparedText in, Workspace workspace) {
		return new Pass(in, workspace).run();
	}

	/** The arrays a pass writes into, kept from one window to the next. */
	static final class Workspace {

		private char[] out = new char[0];
		private int[] editStart = new int[16];
		private int[] editLength = new int[16];
		private int[] editFrom = new int[16];
		private int[] editTo = new int[16];
		private final BitSet strong = new BitSet();
		private final BitSet weak = new BitSet();
	}

	private static final class Pass {

		private final PreparedText in;
		private final char[] s;
		private final int n;
		private char[] out;
		private final Workspace workspace;
		private int[] editStart;
		private int[] editLength;
		private int[] editFrom;
		private int[] editTo;
		private int edits;
		private BitSet strong;
		private BitSet weak;
		private int o;
		private boolean changed;

		Pass(PreparedText in, Workspace workspace) {
			this.workspace = workspace;
			this.editStart = workspace.editStart;
			this.editLength = workspace.editLength;
			this.editFrom = workspace.editFrom;
			this.editTo = workspace.editTo;
			this.in = in;
			this.s = in.chars;
			this.n = in.length;
		}

		/** Input before this index is in the output already (once something changed). */
		private int copied;

		PreparedText run() {
			int i = 0;
			int last = n - 1;
			while (i < n) {
				// skip quickly to the next character that may start a defanged form: one table look-up for the
				// character and one for the next, and-ed, so that ordinary text takes no unpredictable branch
				while (i < last && (TRIGGERS[s[i]] & FOLLOWERS[s[i + 1]]) == 0) {
					i++;
				}
				if (i >= n) {
					break;
				}
				if (!mayStart(i)) {
					i++;
					continue;
				}
				int consumed = at(i);
				i += consumed == 0 ? 1 : consumed;
			}
			if (!changed) {
				return in;
			}
			flush(n);
			// grown arrays are kept for the next window
			workspace.out = out;
			workspace.editStart = editStart;
			workspace.editLength = editLength;
			workspace.editFrom = editFrom;
			workspace.editTo = editTo;
			return new PreparedText(in, out, o, editStart, editLength, editFrom, editTo, edits, strong, weak);
		}

		private boolean mayStart(int i) {
			byte trigger = TRIGGERS[s[i]];
			if (trigger == 0) {
				return false;
			}
			if (trigger == ALWAYS) {
				return true;
			}
			if (i + 1 >= n) {
				return false;
			}
			return (trigger & FOLLOWERS[s[i + 1]]) != 0;
		}

		/** A defanged form at {@code i}: replaces it and returns its length, or returns 0. */
		private int at(int i) {
			char c = s[i];
			return switch (c) {
				case '[', '(', '{' -> bracket(i);
				case ' ' -> spaced(i);
				case 'h', 'H', 'f', 'F' -> scheme(i);
				case '\\' -> {
					if (i + 2 < n && s[i + 1] == '.' && i > 0 && isLabelChar(s[i - 1]) && isLabelChar(s[i + 2])) {
						replace(i, 2, ".", true, false);
						yield 2;
					}
					yield 0;
				}
				default -> {
					if (i > 0 && isLabelChar(s[i - 1]) && i + 1 < n && isLabelChar(s[i + 1])) {
						replace(i, 1, ".", false, false);
						yield 1;
					}
					yield 0;
				}
			};
		}

		/** Copies the input up to {@code to} unchanged to the output. */
		private void flush(int to) {
			int count = to - copied;
			if (count <= 0) {
				return;
			}
			if (o + count > out.length) {
				out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, o + count));
			}
			System.arraycopy(s, copied, out, o, count);
			o += count;
			copied = to;
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
				if (workspace.out.length < n + 8) {
					workspace.out = new char[n + 8];
				}
				out = workspace.out;
				strong = workspace.strong;
				strong.clear();
				weak = workspace.weak;
				weak.clear();
			}
			flush(from);
			if (edits == editStart.length) {
				editStart = java.util.Arrays.copyOf(editStart, edits * 2);
				editLength = java.util.Arrays.copyOf(editLength, edits * 2);
				editFrom = java.util.Arrays.copyOf(editFrom, edits * 2);
				editTo = java.util.Arrays.copyOf(editTo, edits * 2);
			}
			editStart[edits] = o;
			editLength[edits] = replacement.length();
			editFrom[edits] = from;
			editTo[edits] = from + length;
			edits++;
			if (o + replacement.length() > out.length) {
				out = java.util.Arrays.copyOf(out, out.length * 2);
			}
			for (int k = 0; k < replacement.length(); k++) {
				out[o] = replacement.charAt(k);
				if (defang) {
					strong.set(o);
				}
				if (weakly) {
					weak.set(o);
				}
				o++;
			}
			copied = from + length;
		}

	}

	static boolean isLabelChar(char c) {
		return c < 128 ? (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')
				: Character.isLetterOrDigit(c);
	}
}
