package eu.eccp.sharing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;

/**
 * Checks imported values with the indicators module and puts them in its canonical form, a chunk at a time: a value is
 * accepted when the extractor, asked for its type only, finds exactly one indicator in it, written as the value itself.
 *
 * <p>The extractor is built for text (each call reads its input through a 64 Ki-character window), so checking a
 * bundle's values one call each spent most of an import's parsing thread setting up windows for 50-character values.
 * Values of the types whose recognisers look at the value alone (addresses, names, hashes, wallets) are therefore
 * checked together: joined by blank lines into one text per type, read in one call, each indicator found given to the
 * value whose place it lies in. Any value not accepted that way (none or several indicators in its place, or one
 * reaching over its edge), and every value of a type whose recogniser reads the words around it (phone numbers, IBAN
 * and BIC, AS numbers), is checked on its own as before, so the joined reading only ever accepts what the single one
 * would.
 */
final class CanonicalValues {

	/** Types checked joined: their recognisers need nothing beyond the value. */
	static final Set<IndicatorType> JOINABLE = Set.copyOf(EnumSet.of(IndicatorType.URL, IndicatorType.DOMAIN,
			IndicatorType.IPV4, IndicatorType.IPV6, IndicatorType.CIDR, IndicatorType.EMAIL, IndicatorType.BITCOIN,
			IndicatorType.ETHEREUM, IndicatorType.ONION, IndicatorType.MD5, IndicatorType.SHA1, IndicatorType.SHA256,
			IndicatorType.SHA512));

	private static final String SEPARATOR = "\n\n";

	private static final int MAX_LENGTH = 2048;

	private final IndicatorExtractor extractor;

	CanonicalValues(IndicatorExtractor extractor) {
		this.extractor = extractor;
	}

	/** The canonical indicator of each observable, in the same order; null where the value is not valid. */
	List<@Nullable ObservedIndicator> check(List<StixPatternReader.Observable> observables) {
		@Nullable ObservedIndicator[] result = new ObservedIndicator[observables.size()];
		String[] values = new String[observables.size()];
		IndicatorType[] types = new IndicatorType[observables.size()];
		Map<IndicatorType, List<Integer>> joined = new EnumMap<>(IndicatorType.class);
		for (int i = 0; i < observables.size(); i++) {
			StixPatternReader.Observable o = observables.get(i);
			IndicatorType type = IndicatorType.valueOf(o.type());
			String value = o.value().strip();
			if (value.isEmpty() || value.length() > MAX_LENGTH) {
				continue;
			}
			if (type == IndicatorType.ASN && !value.toUpperCase(Locale.ROOT).startsWith("AS")) {
				value = "AS" + value;
			}
			values[i] = value;
			types[i] = type;
			if (JOINABLE.contains(type)) {
				joined.computeIfAbsent(type, t -> new ArrayList<>()).add(i);
			}
			else {
				result[i] = single(type, value);
			}
		}
		joined.forEach((type, positions) -> checkJoined(type, positions, values, result));
		return Arrays.asList(result);
	}

	private void checkJoined(IndicatorType type, List<Integer> positions, String[] values,
			@Nullable ObservedIndicator[] result) {
		StringBuilder text = new StringBuilder();
		int[] starts = new int[positions.size()];
		for (int k = 0; k < positions.size(); k++) {
			if (k > 0) {
				text.append(SEPARATOR);
			}
			starts[k] = text.length();
			text.append(values[positions.get(k)]);
		}
		int[] found = new int[positions.size()];
		Indicator[] only = new Indicator[positions.size()];
		boolean[] spills = new boolean[positions.size()];
		for (Indicator indicator : extractor.extract(text.toString(), options(type))) {
			int k = Arrays.binarySearch(starts, indicator.offset());
			k = k >= 0 ? k : -k - 2;
			if (k < 0) {
				continue;
			}
			int end = starts[k] + values[positions.get(k)].length();
			if (indicator.offset() + indicator.original().length() > end) {
				spills[k] = true;
			}
			found[k]++;
			only[k] = indicator;
		}
		for (int k = 0; k < positions.size(); k++) {
			int i = positions.get(k);
			if (found[k] == 1 && !spills[k] && only[k].original().strip().equalsIgnoreCase(values[i])) {
				result[i] = ObservedIndicator.of(only[k]).orElse(null);
			}
			else {
				result[i] = single(type, values[i]);
			}
		}
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
