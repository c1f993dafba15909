package eu.eccp.statistics.internal;

import java.math.BigDecimal;

/** A change of one cell: count, euro amount, amount in a currency the rates do not know. */
record CellDelta(long n, BigDecimal eur, BigDecimal original) {

	static final CellDelta ZERO = new CellDelta(0, BigDecimal.ZERO, BigDecimal.ZERO);

	CellDelta plus(CellDelta other) {
		return new CellDelta(n + other.n, eur.add(other.eur), original.add(other.original));
	}

	CellDelta negate() {
		return new CellDelta(-n, eur.negate(), original.negate());
	}

	boolean isZero() {
		return n == 0 && eur.signum() == 0 && original.signum() == 0;
	}
}
