package eu.eccp.correlation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Union-find over the cluster ids touched by one ingest batch. */
final class ClusterUnion {

	private final Map<Long, Long> parent = new HashMap<>();

	void join(long a, long b) {
		long ra = find(a);
		long rb = find(b);
		if (ra != rb) {
			parent.put(Math.max(ra, rb), Math.min(ra, rb));
		}
	}

	private long find(long x) {
		parent.putIfAbsent(x, x);
		long root = x;
		while (parent.get(root) != root) {
			root = parent.get(root);
		}
		long node = x;
		while (node != root) {
			long next = parent.get(node);
			parent.put(node, root);
			node = next;
		}
		return root;
	}

	/** The groups with more than one cluster. */
	List<Set<Long>> groups() {
		Map<Long, Set<Long>> groups = new HashMap<>();
		for (Long id : parent.keySet()) {
			groups.computeIfAbsent(find(id), k -> new HashSet<>()).add(id);
		}
		List<Set<Long>> result = new ArrayList<>();
		for (Set<Long> group : groups.values()) {
			if (group.size() > 1) {
				result.add(group);
			}
		}
		return result;
	}
}
