package eu.eccp.training.internal;

import java.util.List;

import eu.eccp.shared.CountryCode;

/**
 * Needs against offers in a year, by role and level, and by country: what the national units asked for, the seats
 * the published courses starting that year offer, and the gaps.
 */
public record Coverage(int year, List<Row> rows, List<CountryRow> countries) {

	/**
	 * All countries together.
	 *
	 * @param needed officials the national units need trained
	 * @param seats seats of the courses serving the role at that level
	 */
	public record Row(CompetencyRole role, Level level, long needed, long seats) {

		public long gap() {
			return Math.max(0, needed - seats);
		}

		public boolean hasGap() {
			return needed > seats;
		}
	}

	/**
	 * One country.
	 *
	 * @param openToCountry places the country may take at most (each course's quota, or its seats without one)
	 * @param taken places its officials hold (accepted or completed)
	 */
	public record CountryRow(CompetencyRole role, Level level, CountryCode country, long needed, long openToCountry,
			long taken) {

		public long gap() {
			return Math.max(0, needed - openToCountry);
		}

		public boolean hasGap() {
			return needed > openToCountry;
		}
	}

	/** The largest number in the chart (needs or seats), at least 1. */
	public long chartMaximum() {
		return Math.max(1, rows.stream().mapToLong(r -> Math.max(r.needed(), r.seats())).max().orElse(1));
	}

	public long totalGap() {
		return rows.stream().mapToLong(Row::gap).sum();
	}
}
