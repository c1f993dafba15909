package eu.eccp.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;

/**
 * Streaming in windows gives what a scan of the whole text gives: the corpus's inputs run together into one
 * long text, scanned with windows small enough to put hundreds of indicators across window borders.
 */
class WindowedScanTests {

	private static final ScanningIndicatorExtractor EXTRACTOR = new ScanningIndicatorExtractor(WarningLists.load(null),
			new byte[] { 1 });
	private static final ExtractionOptions OPTIONS = ExtractionOptions.forRegion("FR");

	/** Every input of the corpus, in a shuffled order, separated by spaces, newlines or nothing but a comma. */
	private static String corpusText(long seed) throws IOException {
		List<String> inputs = new ArrayList<>();
		try (InputStream in = Objects.requireNonNull(WindowedScanTests.class.getResourceAsStream("/indicators/corpus.tsv"))) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.startsWith("#") && !line.isBlank()) {
					inputs.add(line.split("\t", -1)[1].replace("\\n", "\n").replace("\\t", "\t"));
				}
			}
		}
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder();
		for (int round = 0; round < 6; round++) {
			java.util.Collections.shuffle(inputs, random);
			for (String input : inputs) {
				text.append(input).append(switch (random.nextInt(3)) {
					case 0 -> " ";
					case 1 -> "\n";
					default -> " , ";
				});
			}
		}
		return text.toString();
	}

	private static List<String> scan(java.util.function.Supplier<WindowedScan.Preparation> preparation, String text, int window) throws IOException {
		List<String> found = new ArrayList<>();
		EXTRACTOR.windows(preparation, OPTIONS, window).run(new StringReader(text), indicator -> found.add(describe(indicator)));
		return found;
	}

	private static String describe(Indicator indicator) {
		return indicator.offset() + " " + indicator.type() + " " + indicator.value() + " '" + indicator.original() + "' "
				+ indicator.defanged() + " " + indicator.details();
	}

	@ParameterizedTest(name = "window of {0} characters")
	@ValueSource(ints = { 700, 1024, 4099 })
	void findsInWindowsWhatAScanOfTheWholeTextFinds(int window) throws IOException {
		String text = corpusText(window);
		List<String> whole = scan(WindowedScan.TEXT, text, text.length() + 1);

		List<String> windowed = scan(WindowedScan.TEXT, text, window);

		assertThat(text.length() / window).as("windows").isGreaterThan(10);
		assertThat(whole).hasSizeGreaterThan(1000);
		assertThat(windowed).containsExactlyElementsOf(whole);
	}

	@ParameterizedTest(name = "window of {0} characters")
	@ValueSource(ints = { 1024, 4099 })
	void findsInWindowsOfHtmlWhatAScanOfTheWholeDocumentFinds(int window) throws IOException {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
		for (String paragraph : corpusText(window).split("\n")) {
			html.append("<p class=\"x\">").append(paragraph.replace("&", "&amp;").replace("<", "&lt;"))
				.append(" <a href=\"https://tracker.example.org/c?u=").append(paragraph.length()).append("&amp;r=1\">link</a></p>\n");
		}
		String document = html.append("</body></html>").toString();
		List<String> whole = scan(WindowedScan.HTML, document, document.length() + 1);

		List<String> windowed = scan(WindowedScan.HTML, document, window);

		assertThat(whole).hasSizeGreaterThan(1000);
		assertThat(windowed).containsExactlyElementsOf(whole);
	}

	@Test
	void offsetsAreThoseOfTheWholeStream() throws IOException {
		String filler = "nothing to see here, move along.\n".repeat(10_000);
		String text = filler + "contact evil@example.com or see https://example.org/x";
		List<Indicator> found = new ArrayList<>();

		EXTRACTOR.extract(new StringReader(text), OPTIONS, found::add);

		assertThat(found).extracting(Indicator::offset).containsExactly(filler.length() + 8, filler.length() + 32);
	}

	@Test
	void decodesUtf8AndReadsAStrayByteAsLatin1() throws IOException {
		byte[] latin1 = "Überweisung an café.example.com".getBytes(StandardCharsets.ISO_8859_1);
		byte[] utf8 = "\uFEFFZürich 😀 пример.рф".getBytes(StandardCharsets.UTF_8);

		assertThat(read(latin1)).isEqualTo("Überweisung an café.example.com");
		assertThat(read(utf8)).isEqualTo("Zürich 😀 пример.рф");
		byte[] mixed = new byte[] { 'a', (byte) 0xE9, 'b', (byte) 0xC3, (byte) 0xA9, (byte) 0xF0, (byte) 0x9F };
		assertThat(read(mixed)).isEqualTo("aébéð\u009F");
	}

	@Test
	void decodesCharactersCutAcrossReadsOfTheUnderlyingStream() throws IOException {
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 40_000; i++) {
			expected.append(i % 3 == 0 ? "é" : i % 3 == 1 ? "€" : "😀");
		}
		byte[] bytes = expected.toString().getBytes(StandardCharsets.UTF_8);
		// a stream that hands out one to seven bytes at a time
		InputStream trickle = new ByteArrayInputStream(bytes) {
			private int turn;

			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 1 + turn++ % 7));
			}
		};
		StringBuilder decoded = new StringBuilder();
		try (Reader reader = new TextDecoder(trickle)) {
			char[] buffer = new char[3];
			int read;
			while ((read = reader.read(buffer, 0, buffer.length)) >= 0) {
				decoded.append(buffer, 0, read);
			}
		}
		assertThat(decoded.toString()).isEqualTo(expected.toString());
	}

	private static String read(byte[] bytes) throws IOException {
		try (Reader reader = new TextDecoder(new ByteArrayInputStream(bytes))) {
			StringBuilder out = new StringBuilder();
			char[] buffer = new char[5];
			int read;
			while ((read = reader.read(buffer, 0, buffer.length)) >= 0) {
				out.append(buffer, 0, read);
			}
			return out.toString();
		}
	}
}
