package eu.eccp.sharing.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;

/**
 * Checks imported values with the indicators module and puts them in its canonical form, a chunk at a time: a value is
 * accepted when the extractor, asked for its type only, finds exactly one indicator in it, written as the value itself.
 * One extractor call per value: the extractor sizes its window to a short string, so a 50-character value costs no
 * 64 Ki-character window (docs/benchmarks.md, "Sharing").
 */
final class CanonicalValues {

	private static final int MAX_LENGTH = 2048;

	private final IndicatorExtractor extractor;

	CanonicalValues(IndicatorExtractor extractor) {
		this.extractor = extractor;
	}

	/** The canonical indicator of each observable, in the same order; null where the value is not valid. */
	List<@Nullable ObservedIndicator> check(List<StixPatternReader.Observable> observables) {
		List<@Nullable ObservedIndicator> result = new ArrayList<>(observables.size());
		for (StixPatternReader.Observable o : observables) {
			IndicatorType type = IndicatorType.valueOf(o.type());
			String value = o.value().strip();
			if (value.isEmpty() || value.length() > MAX_LENGTH) {
				result.add(null);
				continue;
			}
			if (type == IndicatorType.ASN && !value.toUpperCase(Locale.ROOT).startsWith("AS")) {
				value = "AS" + value;
			}
			result.add(single(type, value));
		}
		return result;
	}

	/** One value checked on its own. */
	private @Nullable ObservedIndicator single(IndicatorType type, String value) {
		List<Indicator> found = extractor.extract(value, options(type));
		if (found.size() != 1 || !found.get(0).original().strip().equalsIgnoreCase(value)) {
			return null;
		}
		return ObservedIndicator.of(found.get(0)).orElse(null);
	}

	private static ExtractionOptions options(IndicatorType type) {
		return ExtractionOptions.defaults().withTypes(EnumSet.of(type));
	}
}
