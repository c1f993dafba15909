package eu.eccp.indicators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;

/** The extractor: prepare (HTML, refang), scan, filter by type, mark benign values. */
public final class ScanningIndicatorExtractor implements IndicatorExtractor {

	private final WarningLists warningLists;
	private final byte @Nullable [] cardHashKey;

	public ScanningIndicatorExtractor(WarningLists warningLists, byte @Nullable [] cardHashKey) {
		this.warningLists = warningLists;
		this.cardHashKey = cardHashKey == null ? null : cardHashKey.clone();
	}

	@Override
	public List<Indicator> extract(String text, ExtractionOptions options) {
		return scan(PreparedText.of(text), text, options);
	}

	@Override
	public List<Indicator> extractFromHtml(String html, ExtractionOptions options) {
		return scan(HtmlText.convert(html), html, options);
	}

	@Override
	public List<Indicator> extractFromEml(InputStream eml, ExtractionOptions options) throws IOException {
		return new EmlReader(this).read(eml, options);
	}

	@Override
	public List<Indicator> extractFromFile(byte[] content, @Nullable String fileName, ExtractionOptions options) {
		return switch (FileKind.of(content, fileName)) {
			case EML -> {
				try {
					yield extractFromEml(new java.io.ByteArrayInputStream(content), options);
				}
				catch (IOException e) {
					throw new IllegalArgumentException("not a readable e-mail: " + e.getMessage(), e);
				}
			}
			case HTML -> extractFromHtml(FileKind.decode(content), options);
			case TEXT -> extract(FileKind.decode(content), options);
		};
	}

	/** The warning list marking a value of that type as benign, or null. */
	@Nullable String benign(eu.eccp.indicators.IndicatorType type, String value) {
		return warningLists.match(type, value, null);
	}

	private List<Indicator> scan(PreparedText prepared, String input, ExtractionOptions options) {
		String region = options.defaultRegion();
		if (region != null && !PhoneNumbers.isSupportedRegion(region)) {
			throw new IllegalArgumentException("no phone numbering plan for region " + region.toUpperCase(Locale.ROOT));
		}
		List<Indicator> found = new Scanner(Refanger.refang(prepared), input, options, cardHashKey, warningLists).scan();
		found.sort(Comparator.comparingInt(Indicator::offset));
		return found;
	}
}
