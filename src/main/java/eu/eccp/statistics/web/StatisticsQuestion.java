package eu.eccp.statistics.web;

import org.jspecify.annotations.Nullable;

/** The question a page asks, as its form gives it (one or two dimensions, per 100,000 or counts). */
public record StatisticsQuestion(@Nullable String measure, @Nullable String basis, @Nullable String dimension,
		@Nullable String dimension2, @Nullable String from, @Nullable String to, @Nullable String country,
		@Nullable String offence, @Nullable String kind, @Nullable String iccs, @Nullable String rsit,
		@Nullable String rate) {

	public String dimensions() {
		String first = dimension == null || dimension.isBlank() ? "COUNTRY" : dimension;
		return dimension2 == null || dimension2.isBlank() ? first : first + "," + dimension2;
	}

	public boolean perCapita() {
		return "per100k".equals(rate);
	}
}
