package eu.eccp.indicators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * What the {@link Scanner} shares with its recognisers: the prepared text being read ({@link #s}, {@link #n}),
 * the indicators found so far, and {@link #consumedTo}, where the last of them ended. A recogniser reads
 * {@code s}, calls {@link #emit} for what it recognised, and never calls back into the scanner: what is left
 * of a word after an indicator goes back to the dispatch, which made the call.
 */
final class ScanText {

	static final int UNSET = Integer.MIN_VALUE;

	/** Top-level domains accepted after a bare {@code " dot "} (which prose also uses: "the dot is"). */
	private static final Set<String> COMMON_TLDS = Set.of("com", "net", "org", "info", "biz", "io", "co", "me", "ru",
			"cn", "de", "uk", "fr", "nl", "eu", "be", "es", "it", "pl", "ch", "at", "se", "dk", "fi", "pt", "cz", "us",
			"ca", "au", "br", "jp", "kr", "xyz", "top", "online", "site", "club", "shop", "app", "dev", "tk", "ml", "ga",
			"cf", "gq", "su", "onion");

	final PreparedText text;
	/** The prepared characters, {@code s[0, n)}. */
	final char[] s;
	final int n;
	/** {@code s[0, n)} as a CharSequence, for the validators that parse one. */
	final CharSequence chars;
	/** The characters the prepared text was made from, and the stream offset of the first of them. */
	private final char[] input;
	private final long inputOffset;
	private final WarningLists warningLists;
	private final ExtractionOptions options;
	final List<Indicator> found = new ArrayList<>();
	/**
	 * Where the last indicator (or the last word read as a whole) ended: nothing before it is read again. A
	 * windowed scan carries it from the window before ({@link WindowedScan}), so that a look-behind (the local
	 * part of an e-mail address) reaches as far back as in a scan of the whole text.
	 */
	int consumedTo = UNSET;
	/** Host names validated so far in this extraction (from window to window). */
	final DomainNames.Parser names;

	ScanText(PreparedText text, char[] input, long inputOffset, ExtractionOptions options, WarningLists warningLists,
			DomainNames.Parser names) {
		this.names = names;
		this.text = text;
		this.s = text.chars;
		this.n = text.length;
		this.chars = new CharArray(s, n);
		this.input = input;
		this.inputOffset = inputOffset;
		this.options = options;
		this.warningLists = warningLists;
	}

	String str(int from, int to) {
		return new String(s, from, to - from);
	}

	boolean hasDot(int a, int b) {
		for (int i = a; i < b; i++) {
			if (s[i] == '.') {
				return true;
			}
		}
		return false;
	}

	boolean isHexRun(int a, int b) {
		for (int i = a; i < b; i++) {
			if (!CharClasses.isHex(s[i])) {
				return false;
			}
		}
		return true;
	}

	boolean allDigits(int a, int b) {
		for (int i = a; i < b; i++) {
			if (!CharClasses.isDigit(s[i])) {
				return false;
			}
		}
		return a < b;
	}

	/**
	 * An indicator found in {@code s[a, b)}: kept (when the options want its type) with what was written in the
	 * input, and nothing before {@code b} is read again. One found in weakly defanged text ({@code " dot "})
	 * counts only with a common {@code host}.
	 */
	void emit(IndicatorType type, String value, int a, int b, Map<String, Object> details, @Nullable String host) {
		boolean strong = text.defanged(a, b);
		boolean weak = text.weaklyDefanged(a, b);
		if (weak && !strong) {
			// "example dot com" is an address; "the dot is" is prose
			if (host == null || host.startsWith("[") || !COMMON_TLDS.contains(host.substring(host.lastIndexOf('.') + 1))) {
				return;
			}
		}
		int from = text.source(a);
		int to = text.sourceEnd(b - 1);
		String original = new String(input, from, Math.max(from, to) - from);
		if (type == IndicatorType.PAYMENT_CARD) {
			original = PaymentCards.maskWritten(original);
		}
		consumedTo = Math.max(consumedTo, b);
		if (options.wants(type)) {
			String benign = warningLists.match(type, value, type == IndicatorType.URL ? host : null);
			long offset = inputOffset + from;
			found.add(new Indicator(type, value, original, offset > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) offset,
					strong || weak, benign, details));
		}
	}

	/** A char array seen as a CharSequence without copying. */
	private record CharArray(char[] buffer, int length) implements CharSequence {

		@Override
		public char charAt(int index) {
			return buffer[index];
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new String(buffer, start, end - start);
		}

		@Override
		public String toString() {
			return new String(buffer, 0, length);
		}
	}
}
