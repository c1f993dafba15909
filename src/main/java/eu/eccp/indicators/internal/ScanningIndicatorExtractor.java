package eu.eccp.indicators.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;

/**
 * The extractor: prepare (HTML, refang), scan, filter by type, mark benign values, window by window
 * ({@link WindowedScan}) so that no input is held whole.
 */
public final class ScanningIndicatorExtractor implements IndicatorExtractor {

	/** Bytes read to tell what a file is (FileKind looks at no more). */
	private static final int HEAD = 4096;

	private final WarningLists warningLists;
	private final byte @Nullable [] cardHashKey;

	public ScanningIndicatorExtractor(WarningLists warningLists, byte @Nullable [] cardHashKey) {
		this.warningLists = warningLists;
		this.cardHashKey = cardHashKey == null ? null : cardHashKey.clone();
	}

	@Override
	public List<Indicator> extract(String text, ExtractionOptions options) {
		return collect(sink -> windows(WindowedScan.TEXT, options, window(text)).run(new StringSource(text), sink));
	}

	@Override
	public List<Indicator> extractFromHtml(String html, ExtractionOptions options) {
		return collect(sink -> windows(WindowedScan.HTML, options, window(html)).run(new StringSource(html), sink));
	}

	/**
	 * The window for a string: no longer than the string and one more character (its end is then seen by the first
	 * read, so the scan is the one of the full window), so that a short value costs no {@link WindowedScan#WINDOW}
	 * buffer; a longer string gets the full window.
	 */
	private static int window(String text) {
		return Math.min(WindowedScan.WINDOW, text.length() + 1);
	}

	@Override
	public List<Indicator> extractFromEml(InputStream eml, ExtractionOptions options) throws IOException {
		List<Indicator> found = new ArrayList<>();
		extractFromEml(eml, options, found::add);
		return found;
	}

	@Override
	public List<Indicator> extractFromFile(byte[] content, @Nullable String fileName, ExtractionOptions options) {
		return collect(sink -> extractFromFile(new ByteArrayInputStream(content), fileName, options, sink));
	}

	@Override
	public void extract(Reader text, ExtractionOptions options, Consumer<Indicator> sink) throws IOException {
		windows(WindowedScan.TEXT, options).run(text, sink);
	}

	@Override
	public void extractFromHtml(Reader html, ExtractionOptions options, Consumer<Indicator> sink) throws IOException {
		windows(WindowedScan.HTML, options).run(html, sink);
	}

	@Override
	public void extractFromEml(InputStream eml, ExtractionOptions options, Consumer<Indicator> sink)
			throws IOException {
		checkRegion(options);
		new EmlReader(this).read(eml, options, sink);
	}

	@Override
	public void extractFromEml(Path eml, ExtractionOptions options, Consumer<Indicator> sink) throws IOException {
		checkRegion(options);
		new EmlReader(this).read(eml, options, sink);
	}

	@Override
	public void extractFromFile(InputStream content, @Nullable String fileName, ExtractionOptions options,
			Consumer<Indicator> sink) throws IOException {
		checkRegion(options);
		BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
		in.mark(HEAD);
		byte[] head = in.readNBytes(HEAD);
		in.reset();
		switch (FileKind.of(head, fileName)) {
			case EML -> {
				try {
					extractFromEml(in, options, sink);
				}
				catch (IOException e) {
					throw new IllegalArgumentException("not a readable e-mail: " + e.getMessage(), e);
				}
			}
			case HTML -> extractFromHtml(new TextDecoder(in), options, sink);
			case TEXT -> extract(new TextDecoder(in), options, sink);
		}
	}

	@Override
	public void extractFromFile(Path file, @Nullable String fileName, ExtractionOptions options,
			Consumer<Indicator> sink) throws IOException {
		checkRegion(options);
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(HEAD);
		}
		if (FileKind.of(head, fileName) == FileKind.EML) {
			try {
				extractFromEml(file, options, sink);
			}
			catch (IOException e) {
				throw new IllegalArgumentException("not a readable e-mail: " + e.getMessage(), e);
			}
			return;
		}
		try (InputStream in = Files.newInputStream(file)) {
			extractFromFile(in, fileName, options, sink);
		}
	}

	/** The warning list marking a value of that type as benign, or null. */
	@Nullable String benign(eu.eccp.indicators.IndicatorType type, String value) {
		return warningLists.match(type, value, null);
	}

	private WindowedScan windows(java.util.function.Supplier<WindowedScan.Preparation> preparation, ExtractionOptions options) {
		checkRegion(options);
		return new WindowedScan(preparation, options, cardHashKey, warningLists);
	}

	/** With a window of another size: tests put many indicators across window borders with small ones. */
	WindowedScan windows(java.util.function.Supplier<WindowedScan.Preparation> preparation, ExtractionOptions options, int window) {
		checkRegion(options);
		return new WindowedScan(preparation, options, cardHashKey, warningLists, window);
	}

	private static void checkRegion(ExtractionOptions options) {
		String region = options.defaultRegion();
		if (region != null && !PhoneNumbers.isSupportedRegion(region)) {
			throw new IllegalArgumentException("no phone numbering plan for region " + region.toUpperCase(Locale.ROOT));
		}
	}

	private interface Extraction {
		void into(Consumer<Indicator> sink) throws IOException;
	}

	private static List<Indicator> collect(Extraction extraction) {
		List<Indicator> found = new ArrayList<>();
		try {
			extraction.into(found::add);
		}
		catch (IOException e) {
			// only the in-memory sources come here, which do not fail
			throw new UncheckedIOException(e);
		}
		return found;
	}

	/** A string read as a stream, copied window by window (no lock, no copy of the whole string). */
	private static final class StringSource extends Reader {

		private final String text;
		private int position;

		StringSource(String text) {
			this.text = text;
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			if (position >= text.length()) {
				return -1;
			}
			int count = Math.min(length, text.length() - position);
			text.getChars(position, position + count, buffer, offset);
			position += count;
			return count;
		}

		@Override
		public void close() {
		}
	}
}
