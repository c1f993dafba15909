package eu.eccp.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Disclosure control over generated tables of one and two dimensions, many of them full of small counts: no
 * suppressed figure can be worked out from the figures shown and the totals (checked by linear algebra over
 * every line of the table, independently of how the suppression was chosen), every small count is suppressed,
 * and the suppressed cells of a line with a shown total add up to at least the threshold.
 */
class DisclosureTests {

	record Table(int rows, int columns, boolean two, long[] values) {
	}

	@Property(tries = 3000)
	void noSuppressedFigureCanBeDerived(@ForAll("tables") Table table, @ForAll @IntRange(min = 2, max = 10) int threshold) {
		boolean[] hidden = Disclosure.suppress(table.values(), Disclosure.linesOf(table.rows(), table.columns(), table.two()),
				threshold);
		List<Integer> derivable = derivable(table, hidden);
		assertThat(derivable).as("suppressed entries that the shown ones and the totals determine").isEmpty();
	}

	@Property(tries = 600)
	void everySmallCountIsSuppressed(@ForAll("tables") Table table, @ForAll @IntRange(min = 2, max = 10) int threshold) {
		boolean[] hidden = Disclosure.suppress(table.values(), Disclosure.linesOf(table.rows(), table.columns(), table.two()),
				threshold);
		for (int i = 0; i < table.values().length; i++) {
			if (table.values()[i] > 0 && table.values()[i] < threshold) {
				assertThat(hidden[i]).as("entry %d of value %d", i, table.values()[i]).isTrue();
			}
		}
	}

	@Property(tries = 600)
	void suppressedCellsOfALineWithAShownTotalAddUpToTheThreshold(@ForAll("tables") Table table,
			@ForAll @IntRange(min = 2, max = 10) int threshold) {
		List<Disclosure.Line> lines = Disclosure.linesOf(table.rows(), table.columns(), table.two());
		boolean[] hidden = Disclosure.suppress(table.values(), lines, threshold);
		for (Disclosure.Line line : lines) {
			long sum = 0;
			int count = 0;
			for (int m : line.members()) {
				if (hidden[m]) {
					sum += table.values()[m];
					count++;
				}
			}
			if (count > 0 && !hidden[line.total()]) {
				assertThat(count).as("suppressed cells in a line").isGreaterThanOrEqualTo(2);
				assertThat(sum).as("their sum").isGreaterThanOrEqualTo(threshold);
			}
		}
	}

	@Property(tries = 300)
	void totalsAreTheSumsOfTheirLines(@ForAll("tables") Table table) {
		for (Disclosure.Line line : Disclosure.linesOf(table.rows(), table.columns(), table.two())) {
			long sum = 0;
			for (int m : line.members()) {
				sum += table.values()[m];
			}
			assertThat(table.values()[line.total()]).isEqualTo(sum);
		}
	}

	@Provide
	Arbitrary<Table> tables() {
		Arbitrary<Long> count = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 0)),
				net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(1, 6)),
				net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(7, 60)));
		return Combinators.combine(Arbitraries.integers().between(1, 7), Arbitraries.integers().between(1, 6),
				Arbitraries.of(true, false), count.list().ofSize(42))
			.as((rows, columns, two, cells) -> table(rows, two ? columns : 1, two, cells));
	}

	private static Table table(int rows, int columns, boolean two, List<Long> cells) {
		int size = Disclosure.sizeOf(rows, columns, two);
		long[] values = new long[size];
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				long v = cells.get((r * columns + c) % cells.size());
				values[r * columns + c] = v;
				values[size - 1] += v;
				if (two) {
					values[rows * columns + r] += v;
					values[rows * columns + rows + c] += v;
				}
			}
		}
		return new Table(rows, columns, two, values);
	}

	/**
	 * The suppressed entries whose value follows from the line equations (cells add up to their total): an unknown
	 * is determined exactly when its unit vector lies in the row space of the equations over the unknowns, that is
	 * when, in reduced row echelon form, some row has its only non-zero entry in that unknown's column.
	 */
	static List<Integer> derivable(Table table, boolean[] hidden) {
		List<Integer> unknowns = new ArrayList<>();
		int[] column = new int[hidden.length];
		for (int i = 0; i < hidden.length; i++) {
			column[i] = hidden[i] ? unknowns.size() : -1;
			if (hidden[i]) {
				unknowns.add(i);
			}
		}
		List<double[]> equations = new ArrayList<>();
		for (Disclosure.Line line : Disclosure.linesOf(table.rows(), table.columns(), table.two())) {
			double[] row = new double[unknowns.size()];
			boolean any = false;
			for (int m : line.members()) {
				if (hidden[m]) {
					row[column[m]] += 1;
					any = true;
				}
			}
			if (hidden[line.total()]) {
				row[column[line.total()]] -= 1;
				any = true;
			}
			if (any) {
				equations.add(row);
			}
		}
		double[][] a = equations.toArray(double[][]::new);
		int rows = a.length;
		int columns = unknowns.size();
		int pivotRow = 0;
		List<int[]> pivots = new ArrayList<>();
		for (int c = 0; c < columns && pivotRow < rows; c++) {
			int best = pivotRow;
			for (int r = pivotRow + 1; r < rows; r++) {
				if (Math.abs(a[r][c]) > Math.abs(a[best][c])) {
					best = r;
				}
			}
			if (Math.abs(a[best][c]) < 1e-9) {
				continue;
			}
			double[] swap = a[best];
			a[best] = a[pivotRow];
			a[pivotRow] = swap;
			double p = a[pivotRow][c];
			for (int k = 0; k < columns; k++) {
				a[pivotRow][k] /= p;
			}
			for (int r = 0; r < rows; r++) {
				if (r != pivotRow && Math.abs(a[r][c]) > 1e-12) {
					double f = a[r][c];
					for (int k = 0; k < columns; k++) {
						a[r][k] -= f * a[pivotRow][k];
					}
				}
			}
			pivots.add(new int[] { pivotRow, c });
			pivotRow++;
		}
		List<Integer> derivable = new ArrayList<>();
		for (int[] pivot : pivots) {
			int nonZero = 0;
			for (int k = 0; k < columns; k++) {
				if (Math.abs(a[pivot[0]][k]) > 1e-9) {
					nonZero++;
				}
			}
			if (nonZero == 1) {
				derivable.add(unknowns.get(pivot[1]));
			}
		}
		return derivable;
	}
}
