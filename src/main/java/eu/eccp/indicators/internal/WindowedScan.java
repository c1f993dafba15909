package eu.eccp.indicators.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;

/**
 * Scans a stream of characters in windows of bounded size, so that memory does not grow with the input: each
 * window is prepared (HTML decoded, refanged) and scanned, then its tail is kept for the next one.
 *
 * <p>A window holds, in this order: up to {@link #CONTEXT} characters already scanned (read behind a word,
 * as the BIC and version checks do, never reported again), the characters to scan, and a reserve of
 * {@link #LOOKAHEAD} characters that only the words starting before it read into. The scan of a window stops
 * at the first word starting in the reserve and the next window resumes exactly there, with the scanner's
 * state (where the last IBAN ended) carried over, so the result is the one of a scan of the whole input for
 * every indicator shorter than the reserve (8 Ki characters: far beyond the longest domain name, e-mail
 * address or grouped number; only a URL longer than that would be cut).
 *
 * <p>Memory: one window of {@link #WINDOW} characters and its prepared copy (about 1 MiB with HTML's position
 * maps), whatever the input's length; the indicators of a window are handed to the sink before the next
 * one is read.
 */
final class WindowedScan {

	/** Characters per window. Small enough to stay in the CPU's caches with its prepared copy. */
	static final int WINDOW = 1 << 16;
	/** Characters after the scanned part of a window that words starting before may read into. */
	static final int LOOKAHEAD = 1 << 13;
	/** Characters kept before the resume point, for what the scanner reads behind a word. */
	static final int CONTEXT = 256;

	/** How a window of raw characters becomes scannable text (before refanging). */
	interface Preparation {

		PreparedText prepare(char[] raw, int length);
	}

	/** Text is scanned as it is. */
	static final Supplier<Preparation> TEXT = () -> PreparedText::of;

	/** HTML is converted to text, into arrays kept from one window to the next. */
	static final Supplier<Preparation> HTML = () -> {
		HtmlText.Workspace workspace = new HtmlText.Workspace();
		return (raw, length) -> HtmlText.convert(raw, length, workspace);
	};

	private static final int NONE = Integer.MIN_VALUE;

	private final Supplier<Preparation> preparation;
	private final ExtractionOptions options;
	private final byte @Nullable [] cardKey;
	private final WarningLists warningLists;
	private final int window;

	WindowedScan(Supplier<Preparation> preparation, ExtractionOptions options, byte @Nullable [] cardKey,
			WarningLists warningLists) {
		this(preparation, options, cardKey, warningLists, WINDOW);
	}

	/** With another window size (tests use small ones to put many indicators across window borders). */
	WindowedScan(Supplier<Preparation> preparation, ExtractionOptions options, byte @Nullable [] cardKey,
			WarningLists warningLists, int window) {
		this.preparation = preparation;
		this.options = options;
		this.cardKey = cardKey;
		this.warningLists = warningLists;
		this.window = window;
	}

	/** Reads {@code in} to its end, handing each indicator found to {@code sink} in order of position. */
	void run(Reader in, Consumer<Indicator> sink) throws IOException {
		int lookahead = Math.min(LOOKAHEAD, window / 4);
		int context = Math.min(CONTEXT, window / 8);
		char[] raw = new char[window];
		Preparation preparation = this.preparation.get();
		Refanger.Workspace refanging = new Refanger.Workspace();
		DomainNames.Memo names = new DomainNames.Memo();
		int length = 0;
		long offset = 0;
		int resume = 0;
		// where the last IBAN ended, in the raw window (the BIC check looks 80 characters back for one)
		int ibanEnd = NONE;
		// where the last indicator ended, in the raw window (see Scanner.consumedTo())
		int consumed = NONE;
		boolean end = false;
		while (true) {
			while (length < raw.length && !end) {
				int read = in.read(raw, length, raw.length - length);
				if (read < 0) {
					end = true;
				}
				else {
					length += read;
				}
			}
			PreparedText text = Refanger.refang(preparation.prepare(raw, length), refanging);
			int start = text.indexOf(resume);
			int stop = end ? text.length : Math.max(start + 1, text.indexOf(length - lookahead));
			Scanner scanner = new Scanner(text, raw, offset, options, cardKey, warningLists, names);
			if (ibanEnd != NONE) {
				scanner.lastIbanEnd(text.indexOf(ibanEnd));
			}
			scanner.consumedTo(consumed == NONE ? start : Math.min(start, text.indexOf(consumed)));
			int next = scanner.scan(start, stop);
			List<Indicator> found = scanner.found();
			if (found.size() > 1) {
				found.sort(Comparator.comparingInt(Indicator::offset));
			}
			found.forEach(sink);
			if (end) {
				return;
			}
			int nextRaw = next >= text.length ? length : text.source(next);
			if (nextRaw <= resume) {
				nextRaw = Math.min(length, resume + 1);
			}
			int keep = Math.max(0, nextRaw - context);
			System.arraycopy(raw, keep, raw, 0, length - keep);
			length -= keep;
			offset += keep;
			resume = nextRaw - keep;
			// where the last indicator ended, kept while it lies in the kept context (else the resume point bounds it)
			int consumedTo = scanner.consumedTo();
			int consumedRaw = consumedTo >= text.length ? length + keep : text.source(Math.max(0, consumedTo));
			consumed = consumedRaw >= keep ? consumedRaw - keep : NONE;
			ibanEnd = NONE;
			int lastIbanEnd = scanner.lastIbanEnd();
			if (lastIbanEnd >= 0) {
				int ibanEndRaw = lastIbanEnd >= text.length ? length + keep : text.source(lastIbanEnd);
				// one that ended before the kept context is too far back to matter
				ibanEnd = ibanEndRaw >= keep ? ibanEndRaw - keep : NONE;
			}
		}
	}
}
