package eu.eccp.statistics.internal;

import java.time.LocalDate;

/** One roll-up cell; ordered so that every transaction updates cells in one order. */
record CellKey(Measure measure, Basis basis, LocalDate month, String offence, String country, String currency)
		implements Comparable<CellKey> {

	/** Field by field, written out: every roll-up sorts many cells (a chain of key-extracting comparators was hot). */
	@Override
	public int compareTo(CellKey other) {
		int c = measure.compareTo(other.measure);
		if (c == 0) {
			c = basis.compareTo(other.basis);
		}
		if (c == 0) {
			c = month.compareTo(other.month);
		}
		if (c == 0) {
			c = offence.compareTo(other.offence);
		}
		if (c == 0) {
			c = country.compareTo(other.country);
		}
		if (c == 0) {
			c = currency.compareTo(other.currency);
		}
		return c;
	}
}
