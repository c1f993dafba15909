package eu.eccp.statistics.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control of one table of counts with its totals. Primary suppression: every count from 1 to
 * {@code threshold - 1}. Secondary suppression, line by line until nothing changes: in every line (the cells of a
 * row or a column with the row's or column's total, and the totals with the grand total), a suppressed entry is
 * never alone (else subtracting the visible entries from the total would give it), and the suppressed cells of a
 * line whose total is shown add up to at least the threshold (else the difference would tell they are all small).
 * Each further entry suppressed is the smallest count above zero of the line still shown (a zero only where there is
 * none; the line's total when no cell is left). The line rules alone can leave a suppressed figure that several
 * lines together determine; so the pattern is then checked with linear algebra over all lines at once, and a
 * further figure is suppressed beside any figure they determine, until none is.
 */
final class Disclosure {

	/** The rule as shown under every table (message key with the threshold as its argument). */
	static final String RULE_KEY = "statistics.rule.disclosure";

	private Disclosure() {
	}

	/** A line: entries whose values add up to the entry {@code total}. */
	record Line(int[] members, int total) {
	}

	/**
	 * Which entries to suppress. {@code values} holds cells and totals alike; {@code lines} say which add up to
	 * which.
	 */
	static boolean[] suppress(long[] values, List<Line> lines, int threshold) {
		boolean[] suppressed = new boolean[values.length];
		for (int i = 0; i < values.length; i++) {
			suppressed[i] = values[i] > 0 && values[i] < threshold;
		}
		while (true) {
			applyLineRules(values, lines, threshold, suppressed);
			// the line rules alone can leave a figure that several lines together determine (in two dimensions):
			// such a figure gets a further partner in one of its lines, until no suppressed figure follows
			List<Integer> exposed = derivable(values.length, lines, suppressed);
			if (exposed.isEmpty()) {
				return suppressed;
			}
			int next = -1;
			for (Line line : lines) {
				if (contains(line, exposed.get(0))) {
					next = nextToSuppress(values, suppressed, line);
					if (next >= 0) {
						break;
					}
				}
			}
			if (next < 0) {
				for (int i = 0; i < values.length; i++) {
					if (!suppressed[i] && (next < 0 || values[i] < values[next])) {
						next = i;
					}
				}
			}
			if (next < 0) {
				return suppressed;
			}
			suppressed[next] = true;
		}
	}

	private static void applyLineRules(long[] values, List<Line> lines, int threshold, boolean[] suppressed) {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Line line : lines) {
				int hiddenMembers = 0;
				long hiddenSum = 0;
				for (int m : line.members()) {
					if (suppressed[m]) {
						hiddenMembers++;
						hiddenSum += values[m];
					}
				}
				boolean totalHidden = suppressed[line.total()];
				int unknowns = hiddenMembers + (totalHidden ? 1 : 0);
				boolean alone = unknowns == 1;
				boolean tooSmall = !totalHidden && hiddenMembers > 0 && hiddenSum < threshold;
				if (alone || tooSmall) {
					int next = nextToSuppress(values, suppressed, line);
					if (next >= 0) {
						suppressed[next] = true;
						changed = true;
					}
				}
			}
		}
	}

	private static boolean contains(Line line, int entry) {
		if (line.total() == entry) {
			return true;
		}
		for (int m : line.members()) {
			if (m == entry) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The suppressed entries that the lines determine: with the suppressed entries as unknowns and each line an
	 * equation (its members add up to its total), an unknown is determined exactly when its unit vector lies in the
	 * equations' row space, that is when a row of the reduced row echelon form has its only non-zero coefficient in
	 * that unknown's column.
	 */
	static List<Integer> derivable(int size, List<Line> lines, boolean[] suppressed) {
		int[] column = new int[size];
		List<Integer> unknowns = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			column[i] = suppressed[i] ? unknowns.size() : -1;
			if (suppressed[i]) {
				unknowns.add(i);
			}
		}
		List<double[]> equations = new ArrayList<>();
		for (Line line : lines) {
			double[] row = new double[unknowns.size()];
			boolean any = false;
			for (int m : line.members()) {
				if (suppressed[m]) {
					row[column[m]] += 1;
					any = true;
				}
			}
			if (suppressed[line.total()]) {
				row[column[line.total()]] -= 1;
				any = true;
			}
			if (any) {
				equations.add(row);
			}
		}
		double[][] a = equations.toArray(double[][]::new);
		int columns = unknowns.size();
		int rank = 0;
		List<int[]> pivots = new ArrayList<>();
		for (int c = 0; c < columns && rank < a.length; c++) {
			int best = rank;
			for (int r = rank + 1; r < a.length; r++) {
				if (Math.abs(a[r][c]) > Math.abs(a[best][c])) {
					best = r;
				}
			}
			if (Math.abs(a[best][c]) < 1e-9) {
				continue;
			}
			double[] swap = a[best];
			a[best] = a[rank];
			a[rank] = swap;
			double pivot = a[rank][c];
			for (int k = c; k < columns; k++) {
				a[rank][k] /= pivot;
			}
			for (int r = 0; r < a.length; r++) {
				double factor = a[r][c];
				if (r != rank && Math.abs(factor) > 1e-12) {
					for (int k = c; k < columns; k++) {
						a[r][k] -= factor * a[rank][k];
					}
				}
			}
			pivots.add(new int[] { rank, c });
			rank++;
		}
		List<Integer> result = new ArrayList<>();
		for (int[] p : pivots) {
			int nonZero = 0;
			for (int k = 0; k < columns && nonZero < 2; k++) {
				if (Math.abs(a[p[0]][k]) > 1e-9) {
					nonZero++;
				}
			}
			if (nonZero == 1) {
				result.add(unknowns.get(p[1]));
			}
		}
		return result;
	}

	private static int nextToSuppress(long[] values, boolean[] suppressed, Line line) {
		int best = -1;
		for (int m : line.members()) {
			if (!suppressed[m] && values[m] > 0 && (best < 0 || values[m] < values[best])) {
				best = m;
			}
		}
		if (best < 0) {
			for (int m : line.members()) {
				if (!suppressed[m]) {
					best = m;
					break;
				}
			}
		}
		if (best < 0 && !suppressed[line.total()]) {
			best = line.total();
		}
		return best;
	}

	/**
	 * The lines of a table of {@code rows} x {@code columns} cells laid out as: cells row by row, then the row
	 * totals, then the column totals, then the grand total. A table of one dimension (or none) has one column and
	 * no separate row totals (its one line: the cells and the grand total).
	 */
	static List<Line> linesOf(int rows, int columns, boolean twoDimensions) {
		List<Line> lines = new ArrayList<>();
		if (!twoDimensions) {
			int[] all = new int[rows];
			for (int r = 0; r < rows; r++) {
				all[r] = r;
			}
			lines.add(new Line(all, rows));
			return lines;
		}
		int rowTotals = rows * columns;
		int columnTotals = rowTotals + rows;
		int grand = columnTotals + columns;
		for (int r = 0; r < rows; r++) {
			int[] members = new int[columns];
			for (int c = 0; c < columns; c++) {
				members[c] = r * columns + c;
			}
			lines.add(new Line(members, rowTotals + r));
		}
		for (int c = 0; c < columns; c++) {
			int[] members = new int[rows];
			for (int r = 0; r < rows; r++) {
				members[r] = r * columns + c;
			}
			lines.add(new Line(members, columnTotals + c));
		}
		int[] rowTotalMembers = new int[rows];
		for (int r = 0; r < rows; r++) {
			rowTotalMembers[r] = rowTotals + r;
		}
		lines.add(new Line(rowTotalMembers, grand));
		int[] columnTotalMembers = new int[columns];
		for (int c = 0; c < columns; c++) {
			columnTotalMembers[c] = columnTotals + c;
		}
		lines.add(new Line(columnTotalMembers, grand));
		return lines;
	}

	/** How many entries a table of that shape has (cells and totals). */
	static int sizeOf(int rows, int columns, boolean twoDimensions) {
		return !twoDimensions ? rows + 1 : rows * columns + rows + columns + 1;
	}
}
