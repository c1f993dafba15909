package eu.eccp.awareness.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.ClusterTrends;
import eu.eccp.correlation.SourceRef;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.OffenceTrends;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.ClusterLock;

/**
 * Looks at aggregate facts for modi operandi growing across borders and turns them into suggestions: a cluster
 * whose records of the last {@code cluster-window} come from {@code cluster-countries} countries or more, and an
 * offence whose last week counts at least {@code surge-minimum} reports and {@code surge-factor} times its
 * weekly baseline. Runs every {@code suggestion-interval} on one node at a time (ClusterLock, in one
 * transaction); each run looks at {@code max-clusters} clusters at most, and storing a suggestion is an
 * idempotent upsert, so a run cut short by a crash is simply done again by the next one.
 */
@Component
class SuggestionFinder {

	private static final Logger log = LoggerFactory.getLogger(SuggestionFinder.class);

	private final ClusterTrends clusters;
	private final OffenceTrends offences;
	private final SuggestionRepository suggestions;
	private final AwarenessProperties properties;
	private final ClusterLock lock;
	private final AuditTrail audit;
	private final Clock clock;

	SuggestionFinder(ClusterTrends clusters, OffenceTrends offences, SuggestionRepository suggestions,
			AwarenessProperties properties, ClusterLock lock, AuditTrail audit, Clock clock) {
		this.clusters = clusters;
		this.offences = offences;
		this.suggestions = suggestions;
		this.properties = properties;
		this.lock = lock;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${eccp.awareness.suggestion-interval:10m}",
			initialDelayString = "#{T(java.lang.Math).min(60000L, T(org.springframework.boot.convert.DurationStyle)"
					+ ".detectAndParse('${eccp.awareness.suggestion-interval:10m}').toMillis())}")
	@Transactional
	public int findSuggestions() {
		if (!lock.tryForTransaction("awareness.suggestions")) {
			return 0;
		}
		Instant now = clock.instant();
		int created = 0;
		for (ClusterTrends.GrowingCluster cluster : clusters.growingAcrossBorders(now.minus(properties.clusterWindow()),
				properties.clusterCountries(), properties.maxClusters())) {
			List<ReportId> reports = cluster.recentSources().stream().filter(s -> s.kind().equals(SourceRef.REPORT))
				.map(s -> new ReportId(s.id())).toList();
			Map<Offence, Long> byOffence = offences.offencesOf(reports);
			Offence main = byOffence.entrySet().stream().max(Map.Entry.<Offence, Long>comparingByValue()
				.thenComparing(e -> e.getKey().name(), Comparator.reverseOrder())).map(Map.Entry::getKey).orElse(null);
			List<String> values = new ArrayList<>();
			cluster.clearIndicators().forEach(i -> values.add(i.value()));
			if (suggestions.upsert("cluster:" + cluster.clusterId(), SuggestionKind.CROSS_BORDER_CLUSTER, main,
					cluster.countries(), cluster.recentRecords(), null, cluster.firstSeen(), values, now)) {
				created++;
			}
		}
		String week = now.atZone(ZoneOffset.UTC).get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ now.atZone(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		for (OffenceTrends.OffenceWeek surge : offences.lastWeek(now, properties.baselineWeeks())) {
			if (surge.count() >= properties.surgeMinimum()
					&& surge.count() >= properties.surgeFactor() * Math.max(1.0, surge.baselinePerWeek())) {
				if (suggestions.upsert("offence:" + surge.offence().name() + ":" + week, SuggestionKind.OFFENCE_SURGE,
						surge.offence(), surge.countries(), (int) Math.min(Integer.MAX_VALUE, surge.count()),
						surge.baselinePerWeek(), surge.firstSeen(), List.of(), now)) {
					created++;
				}
			}
		}
		if (created > 0) {
			audit.record(AuditActor.SYSTEM, AuditEvent.of("advisory.suggested", "advisory-suggestion", null)
				.withDetail("new=" + created));
			log.info("{} new advisory suggestions", created);
		}
		return created;
	}
}
