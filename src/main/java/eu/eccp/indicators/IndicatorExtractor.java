package eu.eccp.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

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
	 * otherwise text (UTF-8, or ISO-8859-1 when it is not valid UTF-8).
	 */
	List<Indicator> extractFromFile(byte[] content, @Nullable String fileName, ExtractionOptions options);

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
