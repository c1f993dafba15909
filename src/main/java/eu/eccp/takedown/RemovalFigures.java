package eu.eccp.takedown;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Time to removal over every assessed illegal item, for statistics: counts and times only, by hosting country and
 * assessed category (no address, no host, no organisation). Time runs from the first report to the first moment the
 * item was known to be gone.
 */
public interface RemovalFigures {

	/** One group; {@code hostingCountry} is empty when the item was never located. */
	record Group(String hostingCountry, String category, long removed, long open, @Nullable Double medianMinutes,
			@Nullable Double p90Minutes) {
	}

	List<Group> byHostingCountryAndCategory();
}
