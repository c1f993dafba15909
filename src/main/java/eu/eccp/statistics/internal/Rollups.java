package eu.eccp.statistics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.correlation.ReportClusters;
import eu.eccp.reporting.ReportFacts;

/**
 * Keeps the roll-up equal to the sum of the counted reports' contributions ({@link ReportFact#contributions()}):
 * every change of a report's facts or of its incident adds the new contributions and takes the old ones away, in
 * the transaction that stores the change, under one lock. Handing the same report over again changes nothing.
 */
@Service
public class Rollups {

	/** The month standing for "month of occurrence unknown". */
	static final LocalDate UNKNOWN_MONTH = LocalDate.of(1900, 1, 1);

	private final RollupRepository repository;
	private final ReferenceData reference;
	private final ReportClusters clusters;

	Rollups(RollupRepository repository, ReferenceData reference, ReportClusters clusters) {
		this.repository = repository;
		this.reference = reference;
		this.clusters = clusters;
	}

	/** Counts the reports (new ones, or known ones again with their current facts). */
	@Transactional
	public void record(List<ReportFacts> reports) {
		if (reports.isEmpty()) {
			return;
		}
		repository.lock();
		Map<UUID, ReportFacts> byId = new LinkedHashMap<>();
		reports.forEach(r -> byId.put(r.reportId().value(), r));
		Map<UUID, ReportFact> known = index(repository.find(byId.keySet()));
		Map<UUID, Long> clusterOf = new HashMap<>();
		List<UUID> unknown = byId.keySet().stream().filter(id -> !known.containsKey(id)).toList();
		if (!unknown.isEmpty()) {
			clusterOf.putAll(clusters.clustersOf(unknown));
		}
		Map<CellKey, CellDelta> deltas = new TreeMap<>();
		Map<UUID, ReportFact> changed = new LinkedHashMap<>();
		Set<Long> touched = new HashSet<>();
		byId.forEach((id, facts) -> {
			ReportFact old = known.get(id);
			Long cluster = old != null ? old.clusterId() : clusterOf.get(id);
			ReportFact fact = ReportFact.of(facts, reference.rates(), cluster, old == null || old.firstOfIncident());
			if (old != null && old.equals(fact)) {
				return;
			}
			if (old != null) {
				subtract(deltas, old);
			}
			add(deltas, fact);
			changed.put(id, fact);
			if (cluster != null) {
				touched.add(cluster);
			}
		});
		repository.save(changed.values());
		// a report joining a cluster may be its new first report, or not the first one at all
		settleIncidents(touched, deltas);
		repository.apply(deltas);
	}

	/** Moves reports to the clusters correlation now puts them in; incidents follow. Unknown reports are skipped. */
	@Transactional
	public int assignClusters(Collection<ReportClusters.Membership> memberships) {
		if (memberships.isEmpty()) {
			return 0;
		}
		repository.lock();
		Map<UUID, Long> target = new HashMap<>();
		memberships.forEach(m -> target.put(m.reportId(), m.clusterId()));
		Map<CellKey, CellDelta> deltas = new TreeMap<>();
		List<ReportFact> moved = new ArrayList<>();
		Set<Long> touched = new HashSet<>();
		for (ReportFact fact : repository.find(target.keySet())) {
			Long cluster = target.get(fact.reportId());
			if (cluster.equals(fact.clusterId())) {
				continue;
			}
			if (fact.clusterId() != null) {
				touched.add(fact.clusterId());
			}
			touched.add(cluster);
			moved.add(fact.withIncident(cluster, fact.firstOfIncident()));
		}
		repository.save(moved);
		settleIncidents(touched, deltas);
		repository.apply(deltas);
		return moved.size();
	}

	/** In each touched cluster, exactly its first report (by time of report, then id) carries the incident. */
	private void settleIncidents(Set<Long> touched, Map<CellKey, CellDelta> deltas) {
		if (touched.isEmpty()) {
			return;
		}
		Map<Long, List<ReportFact>> members = new HashMap<>();
		for (ReportFact fact : repository.inClusters(touched)) {
			members.computeIfAbsent(fact.clusterId(), c -> new ArrayList<>()).add(fact);
		}
		List<ReportFact> flipped = new ArrayList<>();
		members.values().forEach(group -> {
			List<ReportFact> ordered = ReportFact.sorted(group);
			for (int i = 0; i < ordered.size(); i++) {
				ReportFact fact = ordered.get(i);
				boolean first = i == 0;
				if (fact.firstOfIncident() != first) {
					ReportFact now = fact.withIncident(fact.clusterId(), first);
					subtract(deltas, fact);
					add(deltas, now);
					flipped.add(now);
				}
			}
		});
		repository.save(flipped);
	}

	private static void add(Map<CellKey, CellDelta> deltas, ReportFact fact) {
		fact.contributions().forEach((key, delta) -> deltas.merge(key, delta, CellDelta::plus));
	}

	private static void subtract(Map<CellKey, CellDelta> deltas, ReportFact fact) {
		fact.contributions().forEach((key, delta) -> deltas.merge(key, delta.negate(), CellDelta::plus));
	}

	private static Map<UUID, ReportFact> index(List<ReportFact> facts) {
		Map<UUID, ReportFact> result = new HashMap<>();
		facts.forEach(f -> result.put(f.reportId(), f));
		return result;
	}
}
