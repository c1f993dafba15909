package eu.eccp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The cluster graph is drawn readably: no node lies on another (every two centres at least {@code MIN_GAP} apart in
 * the drawing), every node inside the drawing, the nodes of a group closer to each other than to another group,
 * and the same cluster always drawn the same.
 */
class ClusterLayoutTests {

	/** Two groups of records, each sharing its own indicators, and one indicator bridging them. */
	static List<Views.Node> nodes(List<Views.Edge> edges, int perGroup) {
		List<Views.Node> nodes = new ArrayList<>();
		for (String group : List.of("a", "b")) {
			for (int i = 0; i < perGroup; i++) {
				nodes.add(new Views.Node("r" + group + i, "RECORD", "REPORT", group.equals("a") ? "FR" : "DE", true, null, null, 0, 0));
			}
			for (int i = 0; i < 3; i++) {
				nodes.add(new Views.Node("i" + group + i, "INDICATOR", "URL x", null, true, null, null, 0, 0));
			}
			// each record shares two of its group's three indicators: the group hangs together
			for (int r = 0; r < perGroup; r++) {
				edges.add(new Views.Edge("r" + group + r, "i" + group + (r % 3)));
				edges.add(new Views.Edge("r" + group + r, "i" + group + ((r + 1) % 3)));
			}
		}
		nodes.add(new Views.Node("ibridge", "INDICATOR", "IBAN y", null, true, null, null, 0, 0));
		edges.add(new Views.Edge("ra0", "ibridge"));
		edges.add(new Views.Edge("rb0", "ibridge"));
		return nodes;
	}

	static Map<String, double[]> drawn(List<Views.Node> placed) {
		Map<String, double[]> at = new HashMap<>();
		placed.forEach(n -> at.put(n.key(), new double[] { n.x() * ClusterViews.WIDTH, n.y() * ClusterViews.HEIGHT }));
		return at;
	}

	@Test
	void noNodeHidesAnotherAndAllStayInTheDrawing() {
		for (int perGroup : List.of(3, 12, 60)) {
			List<Views.Edge> edges = new ArrayList<>();
			Map<String, double[]> at = drawn(ClusterViews.layout(nodes(edges, perGroup), edges));
			List<double[]> points = new ArrayList<>(at.values());
			for (int i = 0; i < points.size(); i++) {
				assertThat(points.get(i)[0]).isBetween(0.0, ClusterViews.WIDTH);
				assertThat(points.get(i)[1]).isBetween(0.0, ClusterViews.HEIGHT);
				for (int j = i + 1; j < points.size(); j++) {
					assertThat(Math.hypot(points.get(i)[0] - points.get(j)[0], points.get(i)[1] - points.get(j)[1]))
						.as("distance of two nodes of a cluster of %d", points.size()).isGreaterThanOrEqualTo(ClusterViews.MIN_GAP - 1);
				}
			}
		}
	}

	@Test
	void theNodesOfAGroupStayTogether() {
		List<Views.Edge> edges = new ArrayList<>();
		Map<String, double[]> at = drawn(ClusterViews.layout(nodes(edges, 12), edges));
		double within = 0;
		double across = 0;
		int withinPairs = 0;
		int acrossPairs = 0;
		for (int i = 0; i < 12; i++) {
			for (int j = 0; j < 12; j++) {
				double[] a = at.get("ra" + i);
				if (i != j) {
					within += Math.hypot(a[0] - at.get("ra" + j)[0], a[1] - at.get("ra" + j)[1]);
					withinPairs++;
				}
				across += Math.hypot(a[0] - at.get("rb" + j)[0], a[1] - at.get("rb" + j)[1]);
				acrossPairs++;
			}
		}
		assertThat(within / withinPairs).isLessThan(0.75 * across / acrossPairs);
	}

	@Test
	void theSameClusterIsAlwaysDrawnTheSame() {
		List<Views.Edge> edges = new ArrayList<>();
		List<Views.Node> nodes = nodes(edges, 8);
		assertThat(ClusterViews.layout(nodes, edges)).isEqualTo(ClusterViews.layout(nodes, edges));
	}

	@Test
	void separateGroupsAreDrawnApartEachInOnePiece() {
		// groups that nothing links (the value they shared became too common): each keeps to its own part of the
		// drawing, however many there are and whatever their sizes
		List<Views.Node> nodes = new ArrayList<>();
		List<Views.Edge> edges = new ArrayList<>();
		String[] groups = { "a", "b", "c", "d", "e", "f" };
		int[] sizes = { 14, 9, 6, 4, 3, 2 };
		for (int g = 0; g < groups.length; g++) {
			for (int i = 0; i < sizes[g]; i++) {
				nodes.add(new Views.Node("r" + groups[g] + i, "RECORD", "REPORT", "FR", true, null, null, 0, 0));
				edges.add(new Views.Edge("r" + groups[g] + i, "i" + groups[g] + (i % 2)));
			}
			for (int i = 0; i < 2; i++) {
				nodes.add(new Views.Node("i" + groups[g] + i, "INDICATOR", "URL x", null, true, null, null, 0, 0));
			}
			edges.add(new Views.Edge("r" + groups[g] + "0", "i" + groups[g] + "1"));
		}
		Map<String, double[]> at = drawn(ClusterViews.layout(nodes, edges));
		for (int g = 0; g < groups.length; g++) {
			for (int h = g + 1; h < groups.length; h++) {
				double[] a = box(at, groups[g]);
				double[] b = box(at, groups[h]);
				boolean apart = a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1];
				assertThat(apart).as("groups %s %s and %s %s", groups[g], java.util.Arrays.toString(a), groups[h],
						java.util.Arrays.toString(b)).isTrue();
			}
		}
	}

	/** The box (min x, min y, max x, max y) around the records and indicators of a group. */
	static double[] box(Map<String, double[]> at, String group) {
		double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		at.forEach((key, p) -> {
			if (key.substring(1).startsWith(group)) {
				box[0] = Math.min(box[0], p[0]);
				box[1] = Math.min(box[1], p[1]);
				box[2] = Math.max(box[2], p[0]);
				box[3] = Math.max(box[3], p[1]);
			}
		});
		return box;
	}
}
