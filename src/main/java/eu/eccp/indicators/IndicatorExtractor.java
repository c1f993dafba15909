package eu.eccp.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.internal.ScanningIndicatorExtractor;
import eu.eccp.indicators.internal.WarningLists;

/**
 * Finds indicators in free text, HTML and saved e-mails. Thread-safe; one instance serves the whole
 * application (inject the bean, or build one with {@link #builder()} where Spring is not running).
 *
 * <p>Every indicator comes out validated and in canonical form, with its original text and position,
 * whether it was defanged, and the warning list that marks it benign, if any. Results are ordered by
 * position.
 *
 * <p>The streaming methods (those taking a {@link Reader}, an {@link InputStream} or a {@link Path} and a
 * sink) read their input in windows of bounded size and hand each indicator to the sink as soon as its window
 * is scanned: memory does not grow with the input, and the result is the one of the whole text for any
 * indicator shorter than 8 Ki characters (a window keeps that much ahead of its last word, and some
 * characters behind its first). Offsets are then character offsets in the whole stream. Callers that read a
 * file or an upload should use them rather than read it into memory first.
 */
public interface IndicatorExtractor {

	/** Indicators in plain text, in any language. */
	List<Indicator> extract(String text, ExtractionOptions options);

	/** Indicators in an HTML document: its text (tags stripped, entities decoded) and its link targets. */
	List<Indicator> extractFromHtml(String html, ExtractionOptions options);

	/**
	 * Indicators in a saved e-mail (RFC 822 / .eml): the sender addresses (From, Sender, Reply-To,
	 * Return-Path), the subject, the IP addresses of the Received hops, everything in the plain and HTML
	 * bodies, and the SHA-256 of each attachment. Each indicator's {@link Indicator#SOURCE} detail says
	 * where it was found; offsets are within that part.
	 */
	List<Indicator> extractFromEml(InputStream eml, ExtractionOptions options) throws IOException;

	/**
	 * Indicators in an uploaded file: a saved e-mail or an HTML page when its name or content says so,
	 * otherwise text (UTF-8; a byte that is not valid UTF-8 is read as ISO-8859-1, so Latin-1 files read too).
	 */
	List<Indicator> extractFromFile(byte[] content, @Nullable String fileName, ExtractionOptions options);

	/** Streams plain text: the indicators, in order of position, go to {@code sink} as they are found. */
	void extract(Reader text, ExtractionOptions options, Consumer<Indicator> sink) throws IOException;

	/** Streams an HTML document, as {@link #extractFromHtml(String, ExtractionOptions)} reads it. */
	void extractFromHtml(Reader html, ExtractionOptions options, Consumer<Indicator> sink) throws IOException;

	/**
	 * Streams a saved e-mail, as {@link #extractFromEml(InputStream, ExtractionOptions)} reads it: the bodies
	 * are scanned and the attachments hashed as they stream; a message larger than a few MiB is kept in a
	 * temporary file (deleted at once) while its parts are read, never in memory.
	 */
	void extractFromEml(InputStream eml, ExtractionOptions options, Consumer<Indicator> sink) throws IOException;

	/** Streams a saved e-mail on disk: its parts are read straight from the file. */
	void extractFromEml(Path eml, ExtractionOptions options, Consumer<Indicator> sink) throws IOException;

	/**
	 * Streams an uploaded file, as {@link #extractFromFile(byte[], String, ExtractionOptions)} reads it (text is
	 * UTF-8, and a byte that is not is read as ISO-8859-1).
	 */
	void extractFromFile(InputStream content, @Nullable String fileName, ExtractionOptions options,
			Consumer<Indicator> sink) throws IOException;

	/** Streams a file on disk (a saved e-mail is read in place, its parts straight from the file). */
	void extractFromFile(Path file, @Nullable String fileName, ExtractionOptions options, Consumer<Indicator> sink)
			throws IOException;

	static Builder builder() {
		return new Builder();
	}

	/** Builds an extractor outside Spring (the CLI, tests, other tools). */
	final class Builder {

		private byte @Nullable [] cardHashKey;
		private @Nullable Path warningListDirectory;

		private Builder() {
		}

		/**
		 * The secret key of the HMAC-SHA256 given as {@link Indicator#KEYED_HASH} for payment cards; without
		 * one, cards are reported masked only.
		 */
		public Builder cardHashKey(byte @Nullable [] key) {
			this.cardHashKey = key == null || key.length == 0 ? null : key.clone();
			return this;
		}

		/** A directory whose {@code *.txt} files are warning lists added to the built-in ones. */
		public Builder warningListDirectory(@Nullable Path directory) {
			this.warningListDirectory = directory;
			return this;
		}

		public IndicatorExtractor build() {
			return new ScanningIndicatorExtractor(WarningLists.load(warningListDirectory), cardHashKey);
		}
	}
}
