package eu.eccp.statistics.internal;

import java.time.LocalDate;
import java.util.Comparator;

/** One roll-up cell; ordered so that every transaction updates cells in one order. */
record CellKey(Measure measure, Basis basis, LocalDate month, String offence, String country, String currency)
		implements Comparable<CellKey> {

	private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::measure)
		.thenComparing(CellKey::basis)
		.thenComparing(CellKey::month)
		.thenComparing(CellKey::offence)
		.thenComparing(CellKey::country)
		.thenComparing(CellKey::currency);

	@Override
	public int compareTo(CellKey other) {
		return ORDER.compare(this, other);
	}
}
