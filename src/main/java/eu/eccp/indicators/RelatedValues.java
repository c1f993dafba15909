package eu.eccp.indicators;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.internal.LinkingValueDeriver;

/**
 * The linking values an indicator yields besides itself, so that records that do not share a value exactly
 * still meet where analysts pivot: a URL yields its host and its registrable domain (public suffix list with
 * its private section, so {@code x.blogspot.com} is a domain of its own), a sub-domain its registrable domain,
 * an e-mail address its domain (and that domain's registrable domain). IP addresses and ranges yield no
 * values: containment is answered by correlation from its index of addresses and ranges.
 *
 * <p>Each value carries the warning list or "too common" list it is on (free mail providers, big platforms,
 * URL shorteners, shared hosting: {@code src/main/resources/indicators/too-common/}), so that it links
 * nothing. Thread-safe; inject the bean, or build one with {@link #builtIn()} outside Spring.
 */
public interface RelatedValues {

	/**
	 * The values derived from an indicator in canonical form, given by its type's name (as correlation stores
	 * it); nothing for a type that yields none or a name that is no {@link IndicatorType}.
	 */
	List<RelatedValue> of(String type, String canonicalValue);

	/** The values derived from an extracted indicator. */
	default List<RelatedValue> of(Indicator indicator) {
		return of(indicator.type().name(), indicator.value());
	}

	/** With the built-in warning and "too common" lists only. */
	static RelatedValues builtIn() {
		return LinkingValueDeriver.load(null, null);
	}

	/** With the built-in lists plus the {@code *.txt} lists of the given directories (either may be null). */
	static RelatedValues load(@Nullable Path warningListDirectory, @Nullable Path tooCommonDirectory) {
		return LinkingValueDeriver.load(warningListDirectory, tooCommonDirectory);
	}
}
