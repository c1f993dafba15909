package eu.eccp.correlation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.RecordReferences;
import eu.eccp.indicators.Relation;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.RecordNotFoundException;

/**
 * A cluster (campaign) as a graph of records and the indicators that link them, for an organisation that
 * holds at least one of its records. Records the caller may not see are shown only by their country;
 * indicators only other organisations hold are shown without their value; others' TLP:RED records are
 * left out. The layout is computed on the server (force-directed, deterministic), so the page needs no
 * script and stays usable at a few hundred nodes.
 */
@Service
public class ClusterViews {

	static final int MAX_RECORDS = 400;

	private final ClusterRepository repository;
	private final CorrelationProperties properties;
	private final AuditTrail audit;
	private final Map<String, RecordReferences> references = new HashMap<>();

	ClusterViews(ClusterRepository repository, CorrelationProperties properties, AuditTrail audit,
			List<RecordReferences> references) {
		this.repository = repository;
		this.properties = properties;
		this.audit = audit;
		references.forEach(r -> this.references.put(r.kind(), r));
	}

	@Transactional
	public Views.ClusterGraph cluster(CallerContext caller, long clusterId) {
		caller.requireAny(IndicatorPivot.READERS);
		Integer size = repository.size(clusterId).orElseThrow(() -> new RecordNotFoundException("cluster"));
		List<ClusterRepository.ClusterRecord> records = repository.records(caller, clusterId, MAX_RECORDS + 1);
		if (records.stream().noneMatch(ClusterRepository.ClusterRecord::visible)) {
			throw new RecordNotFoundException("cluster");
		}
		boolean truncated = records.size() > MAX_RECORDS;
		if (truncated) {
			records = records.subList(0, MAX_RECORDS);
		}
		Map<Long, ClusterRepository.ClusterRecord> byId = new LinkedHashMap<>();
		records.forEach(r -> byId.put(r.id(), r));
		Map<Long, List<ClusterRepository.Carrier>> carriers = new LinkedHashMap<>();
		for (ClusterRepository.Carrier c : repository.carriers(byId.keySet(), properties.maxSourcesToLink())) {
			carriers.computeIfAbsent(c.indicatorId(), k -> new ArrayList<>()).add(c);
		}
		Map<Long, String> names = referencesOf(records);
		List<Views.Node> nodes = new ArrayList<>();
		List<Views.Edge> edges = new ArrayList<>();
		for (ClusterRepository.ClusterRecord r : records) {
			String link = !r.visible() ? null : r.kind().equals("REPORT") ? "/reports/" + r.sourceId()
					: r.kind().equals("CASE") ? "/cases/" + r.sourceId() : null;
			nodes.add(new Views.Node("r" + r.id(), "RECORD", r.visible() ? names.getOrDefault(r.id(), r.kind()) : null,
					r.country(), r.visible(), link, r.seenAt(), 0, 0));
		}
		carriers.forEach((indicator, holders) -> {
			if (holders.size() < 2) {
				return;
			}
			boolean known = holders.stream().anyMatch(h -> byId.get(h.recordId()).visible());
			ClusterRepository.Carrier first = holders.get(0);
			String label = known ? first.type() + " " + first.value() : null;
			nodes.add(new Views.Node("i" + indicator, "INDICATOR", label, null, known, null, null, 0, 0));
			holders.forEach(h -> edges.add(new Views.Edge("r" + h.recordId(), "i" + indicator,
					h.derivation() == 0 ? Views.EXACT : Relation.ofCode(h.derivation()).name(), label)));
		});
		List<Views.Node> placed = layout(nodes, edges);
		List<Views.Node> timeline = placed.stream().filter(n -> n.kind().equals("RECORD")).toList();
		audit.record(AuditEvent.of("cluster.viewed", "cluster", clusterId));
		return new Views.ClusterGraph(clusterId, size, placed, edges, timeline, truncated);
	}

	/** The references of the records the caller may open, from the modules that own them. */
	private Map<Long, String> referencesOf(List<ClusterRepository.ClusterRecord> records) {
		Map<Long, String> names = new HashMap<>();
		Map<String, List<ClusterRepository.ClusterRecord>> byKind = new LinkedHashMap<>();
		records.stream().filter(ClusterRepository.ClusterRecord::visible)
			.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
		byKind.forEach((kind, ofKind) -> {
			RecordReferences named = references.get(kind);
			if (named == null) {
				return;
			}
			Map<UUID, String> found = named.referencesOf(ofKind.stream().map(ClusterRepository.ClusterRecord::sourceId).toList());
			ofKind.forEach(r -> {
				String reference = found.get(r.sourceId());
				if (reference != null) {
					names.put(r.id(), reference);
				}
			});
		});
		return names;
	}

	/** The drawing's size in the page (the SVG's viewBox): the layout is computed in its proportions. */
	static final double WIDTH = 1000;

	static final double HEIGHT = 640;

	/** The least distance between two nodes' centres in the drawing, room for a node and the start of its label. */
	static final double MIN_GAP = 34;

	/**
	 * Fruchterman–Reingold, deterministic (the same cluster always looks the same), made readable: nodes start
	 * on a circle in the order of their links (so that linked nodes start near each other), a weak pull towards the
	 * centre keeps separate groups from drifting to the corners, the forces work in the drawing's own proportions
	 * (no stretching afterwards), and a last pass pushes apart nodes closer than {@link #MIN_GAP} so that no node
	 * hides another.
	 */
	static List<Views.Node> layout(List<Views.Node> nodes, List<Views.Edge> edges) {
		int n = nodes.size();
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < n; i++) {
			index.put(nodes.get(i).key(), i);
		}
		double aspect = WIDTH / HEIGHT;
		List<Integer> order = linkOrder(n, edges, index);
		double[] x = new double[n];
		double[] y = new double[n];
		for (int position = 0; position < n; position++) {
			int i = order.get(position);
			double angle = 2 * Math.PI * position / Math.max(n, 1);
			x[i] = aspect / 2 + Math.cos(angle) * aspect * 0.4;
			y[i] = 0.5 + Math.sin(angle) * 0.4;
		}
		double k = 0.9 * Math.sqrt(aspect / Math.max(n, 1));
		double temperature = 0.1 * aspect;
		int iterations = n > 300 ? 120 : 300;
		for (int iteration = 0; iteration < iterations; iteration++) {
			double[] dx = new double[n];
			double[] dy = new double[n];
			for (int i = 0; i < n; i++) {
				for (int j = i + 1; j < n; j++) {
					double ddx = x[i] - x[j];
					double ddy = y[i] - y[j];
					double distance = Math.max(Math.hypot(ddx, ddy), 1e-4);
					double force = k * k / distance;
					dx[i] += ddx / distance * force;
					dy[i] += ddy / distance * force;
					dx[j] -= ddx / distance * force;
					dy[j] -= ddy / distance * force;
				}
			}
			for (Views.Edge e : edges) {
				int a = index.get(e.from());
				int b = index.get(e.to());
				double ddx = x[a] - x[b];
				double ddy = y[a] - y[b];
				double distance = Math.max(Math.hypot(ddx, ddy), 1e-4);
				double force = distance * distance / k;
				dx[a] -= ddx / distance * force;
				dy[a] -= ddy / distance * force;
				dx[b] += ddx / distance * force;
				dy[b] += ddy / distance * force;
			}
			for (int i = 0; i < n; i++) {
				// the pull towards the centre: separate groups stay in view instead of flying apart
				dx[i] -= (x[i] - aspect / 2) * 0.05 * k * n;
				dy[i] -= (y[i] - 0.5) * 0.05 * k * n;
				double length = Math.max(Math.hypot(dx[i], dy[i]), 1e-9);
				x[i] += dx[i] / length * Math.min(length, temperature);
				y[i] += dy[i] / length * Math.min(length, temperature);
			}
			temperature *= 0.985;
		}
		double[][] drawn = fitted(x, y, aspect);
		separate(drawn[0], drawn[1]);
		List<Views.Node> placed = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Views.Node node = nodes.get(i);
			placed.add(new Views.Node(node.key(), node.kind(), node.label(), node.country(), node.visible(), node.link(),
					node.seenAt(), n == 1 ? 0.5 : drawn[0][i] / WIDTH, n == 1 ? 0.5 : drawn[1][i] / HEIGHT));
		}
		return placed;
	}

	/** The nodes in the order a walk along the links meets them (each group together), isolated ones last. */
	private static List<Integer> linkOrder(int n, List<Views.Edge> edges, Map<String, Integer> index) {
		List<List<Integer>> neighbours = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			neighbours.add(new ArrayList<>());
		}
		for (Views.Edge e : edges) {
			int a = index.get(e.from());
			int b = index.get(e.to());
			neighbours.get(a).add(b);
			neighbours.get(b).add(a);
		}
		List<Integer> order = new ArrayList<>(n);
		boolean[] seen = new boolean[n];
		for (int start = 0; start < n; start++) {
			if (seen[start]) {
				continue;
			}
			java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
			queue.add(start);
			seen[start] = true;
			while (!queue.isEmpty()) {
				int node = queue.poll();
				order.add(node);
				for (int next : neighbours.get(node)) {
					if (!seen[next]) {
						seen[next] = true;
						queue.add(next);
					}
				}
			}
		}
		return order;
	}

	/** The layout scaled into the drawing with a margin, keeping its proportions (x and y by the same factor). */
	private static double[][] fitted(double[] x, double[] y, double aspect) {
		int n = x.length;
		double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
		for (int i = 0; i < n; i++) {
			minX = Math.min(minX, x[i]);
			maxX = Math.max(maxX, x[i]);
			minY = Math.min(minY, y[i]);
			maxY = Math.max(maxY, y[i]);
		}
		double marginX = 60;
		double marginY = 40;
		double scale = Math.min((WIDTH - 2 * marginX) / Math.max(maxX - minX, 1e-9),
				(HEIGHT - 2 * marginY) / Math.max(maxY - minY, 1e-9));
		double offsetX = (WIDTH - (maxX - minX) * scale) / 2;
		double offsetY = (HEIGHT - (maxY - minY) * scale) / 2;
		double[] px = new double[n];
		double[] py = new double[n];
		for (int i = 0; i < n; i++) {
			px[i] = offsetX + (x[i] - minX) * scale;
			py[i] = offsetY + (y[i] - minY) * scale;
		}
		return new double[][] { px, py };
	}

	/** Pushes apart, in a few rounds, every two nodes closer than MIN_GAP, then keeps them inside the drawing. */
	private static void separate(double[] x, double[] y) {
		int n = x.length;
		for (int round = 0; round < 60; round++) {
			boolean moved = false;
			for (int i = 0; i < n; i++) {
				for (int j = i + 1; j < n; j++) {
					double ddx = x[i] - x[j];
					double ddy = y[i] - y[j];
					double distance = Math.hypot(ddx, ddy);
					if (distance < MIN_GAP) {
						double push = (MIN_GAP - distance) / 2 + 0.5;
						double ux = distance < 1e-6 ? Math.cos(i + j) : ddx / distance;
						double uy = distance < 1e-6 ? Math.sin(i + j) : ddy / distance;
						x[i] += ux * push;
						y[i] += uy * push;
						x[j] -= ux * push;
						y[j] -= uy * push;
						moved = true;
					}
				}
			}
			for (int i = 0; i < n; i++) {
				x[i] = Math.min(Math.max(x[i], 20), WIDTH - 20);
				y[i] = Math.min(Math.max(y[i], 20), HEIGHT - 20);
			}
			if (!moved) {
				return;
			}
		}
	}

	/** A fill colour per country, stable across pages (HSL hue from the country's position). */
	public static Map<String, String> palette(Set<String> countries) {
		Map<String, String> colours = new LinkedHashMap<>();
		List<String> sorted = new ArrayList<>(new TreeSet<>(countries));
		for (int i = 0; i < sorted.size(); i++) {
			colours.put(sorted.get(i), "hsl(" + (i * 360 / Math.max(sorted.size(), 1)) + ", 65%, 45%)");
		}
		return colours;
	}
}
