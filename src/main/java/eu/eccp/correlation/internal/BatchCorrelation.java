package eu.eccp.correlation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.CrossBorderHitsFound;
import eu.eccp.correlation.HitAnnouncement;
import eu.eccp.correlation.IngestResult;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.indicators.RelatedValue;
import eu.eccp.indicators.RelatedValues;
import eu.eccp.indicators.Relation;
import eu.eccp.shared.OrganisationId;

/**
 * Correlates one batch of sightings, set-based, inside the transaction {@link CorrelationIngest} opened (the
 * statements are {@link CorrelationStatements}'):
 * <ol>
 * <li>indicator values are upserted, records get a row (a new record starts as its own cluster);</li>
 * <li>sightings are inserted (those already known are ignored, which makes replays harmless) and each
 * indicator's count of distinct records grows with its new sightings;</li>
 * <li>for every new sighting of a linking indicator (not benign, seen in at most
 * {@code max-sources-to-link} records) the other records carrying it are read from the sighting index:
 * their clusters are merged (union by size: the smaller cluster is relabelled, so a record changes
 * cluster O(log n) times at most) and, where the other record belongs to another country, a hit is
 * created for both owners, except that TLP:RED records never show up in another organisation's hits.</li>
 * </ol>
 * Ingests run in parallel up to the linking step, which takes an advisory lock, so clusters are never merged
 * by two transactions at once. Each value a batch sights anew is counted, and its row locked, before that
 * lock: an ingest sighting the same value waits for the first to commit and then links to it, so no link is
 * lost between two records that arrive at the same moment.
 *
 * <p><b>Related values</b> (issue 12) go through the same statements: each indicator's derived values
 * ({@link RelatedValues}: a URL's host and registrable domain, an e-mail address's domain) are sighted with the
 * batch as <em>derived</em> sightings ({@code sighting.derivation} says how), except those on a warning or
 * "too common" list, which would link nothing. Under the lock, each new sighting of an IP address adds a derived
 * sighting of every reported range holding it, and each new sighting of a range one of every record carrying
 * an address inside it (GiST indexes on {@code indicator_value.network}, never a scan of all ranges); from then
 * on they link like any sighting. A derived hit that tells a unit nothing its stronger hit of the same batch
 * does not (the same records share the URL and its host) is not created.
 */
@Component
class BatchCorrelation {

	/** How a record carries a value it states itself (a derived sighting stores its {@link Relation}'s code). */
	private static final int EXACT = 0;

	private final CorrelationStatements statements;
	private final CorrelationProperties properties;
	private final RelatedValues related;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final Clock clock;

	BatchCorrelation(CorrelationStatements statements, CorrelationProperties properties, RelatedValues related,
			ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.statements = statements;
		this.properties = properties;
		this.related = related;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	IngestResult correlate(List<RecordSightings> batch, HitAnnouncement announcement) {
		LateCounts late = new LateCounts();
		Set<Long> sighted = new java.util.TreeSet<>();
		IngestResult result = correlate(batch, announcement, late, sighted);
		statements.noteChanged(sighted);
		// last, so that these rows stay locked only until the commit that follows
		statements.addLateCounts(late);
		return result;
	}

	/** Correlates the batch; {@code sighted} receives every value given a new sighting. */
	private IngestResult correlate(List<RecordSightings> batch, HitAnnouncement announcement, LateCounts late,
			Set<Long> sighted) {
		Instant now = clock.instant();
		statements.probeIndexesOnly();
		Map<String, IngestRecord> records = statements.upsertRecords(batch, now);
		Map<Long, IngestRecord> recordsById = new HashMap<>();
		records.values().forEach(r -> recordsById.put(r.id(), r));

		// the batch's (value, record) pairs, each once, with what is known of each value
		TreeMap<String, BatchValue> values = new TreeMap<>();
		// value key -> record -> how the record carries it (EXACT, else a Relation's code: the strongest wins)
		Map<String, Map<Long, Integer>> carriers = new LinkedHashMap<>();
		Map<Long, Timestamp> seenAtOf = new HashMap<>();
		Map<String, List<RelatedValue>> derivedOf = new HashMap<>();
		DerivedHits.Sources derivedFrom = new DerivedHits.Sources();
		for (RecordSightings sightings : batch) {
			IngestRecord rec = records.get(CorrelationStatements.key(sightings));
			seenAtOf.merge(rec.id(), Timestamp.from(sightings.seenAt()), (a, b) -> a.before(b) ? a : b);
			for (ObservedIndicator indicator : sightings.indicators()) {
				String k = indicator.type() + "\u0000" + indicator.value();
				carry(values, carriers, k, indicator, rec, sightings.seenAt(), EXACT);
				String previous = k;
				for (RelatedValue d : derivedOf.computeIfAbsent(k, x -> related.of(indicator.type(), indicator.value()))) {
					if (d.benign() != null) {
						continue; // on a warning or "too common" list: it would link nothing
					}
					String dk = d.type().name() + "\u0000" + d.value();
					carry(values, carriers, dk, new ObservedIndicator(d.type().name(), d.value(), null), rec,
							sightings.seenAt(), d.relation().code());
					// a weaker derived value (the registrable domain) tells nothing a stronger one (the URL, its
					// host) does not when both have the same carriers
					derivedFrom.add(dk, k);
					if (!previous.equals(k)) {
						derivedFrom.add(dk, previous);
					}
					previous = dk;
				}
			}
		}
		// Values, sightings and counts are written before the linking lock, so two ingests do this part in
		// parallel. Each new sighting's value row is locked (counted) before the lock is taken and stays locked
		// until commit: an ingest that sights the same value waits here for this one to commit, and then links.
		// Values already too common to link are counted last instead (LateCounts): locking them here would make
		// every ingest sighting one of them (a feed's many URLs on one registrable domain) wait for the others.
		Map<String, IngestValue> tooCommon = statements.tooCommonToLink(values.values(), properties.maxSourcesToLink());
		tooCommon.forEach((k, v) -> {
			BatchValue seen = values.get(k);
			late.add(v.id(), seen.newCarriers, Timestamp.from(seen.last));
		});
		Map<String, IngestValue> byKey = statements.upsertValues(values, tooCommon);
		Map<Long, IngestValue> valueIds = new HashMap<>();
		byKey.values().forEach(v -> valueIds.put(v.id(), v));

		List<Long> sightingIndicators = new ArrayList<>();
		List<Long> sightingRecords = new ArrayList<>();
		List<String> sightingCountries = new ArrayList<>();
		List<Boolean> sightingRed = new ArrayList<>();
		List<Timestamp> sightingTimes = new ArrayList<>();
		List<Short> sightingDerivations = new ArrayList<>();
		// in primary-key order, so that the index pages each insert touches are visited once, in sequence
		List<long[]> pairs = new ArrayList<>();
		carriers.forEach((k, recordIds) -> recordIds.forEach((r, how) -> pairs.add(new long[] { byKey.get(k).id(), r, how })));
		pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
		for (long[] pair : pairs) {
			IngestRecord rec = recordsById.get(pair[1]);
			sightingIndicators.add(pair[0]);
			sightingRecords.add(pair[1]);
			sightingCountries.add(rec.country());
			sightingRed.add(!rec.tlp().mayLeaveOwner());
			sightingTimes.add(seenAtOf.get(pair[1]));
			sightingDerivations.add(pair[2] == EXACT ? null : (short) pair[2]);
		}
		List<long[]> fresh = statements.insertSightings(sightingIndicators, sightingRecords, sightingCountries, sightingRed,
				sightingTimes, sightingDerivations);
		fresh.forEach(f -> sighted.add(f[0]));
		// the ranges holding the batch's new addresses (and the addresses inside its new ranges) are looked for
		// under the lock below; an ingest whose own sightings are all known may still have none to add
		Map<Long, String> networkTypes = new HashMap<>();
		byKey.forEach((k, v) -> {
			String type = k.substring(0, k.indexOf('\u0000'));
			if (Networks.isNetworkType(type)) {
				networkTypes.put(v.id(), type);
			}
		});
		boolean mayHaveRanges = fresh.stream().anyMatch(f -> networkTypes.containsKey(f[0]));
		if (fresh.isEmpty()) {
			return new IngestResult(batch.size(), 0, 0, 0);
		}
		// new sightings of records known before this batch (a replay adds none) count now
		Map<Long, Integer> added = new TreeMap<>();
		fresh.stream().filter(f -> !recordsById.get(f[1]).created()).forEach(f -> added.merge(f[0], 1, Integer::sum));
		if (!added.isEmpty()) {
			Timestamp latest = sightingTimes.stream().max(Comparator.naturalOrder()).orElseThrow();
			added.keySet().removeIf(id -> {
				boolean common = !valueIds.get(id).links(properties.maxSourcesToLink());
				if (common) {
					late.add(id, added.get(id), latest);
				}
				return common;
			});
			if (!added.isEmpty()) {
				statements.addToCounts(added, latest, valueIds);
			}
		}
		// Linking, hits and cluster merges run one transaction at a time. Under the lock every statement sees
		// what other transactions committed meanwhile, so two records arriving at once are still linked, by the
		// later one.
		statements.lockLinking();
		statements.refreshClusters(recordsById);
		if (mayHaveRanges) {
			List<long[]> inRanges = addressesInRanges(fresh, networkTypes, recordsById, valueIds, seenAtOf, derivedFrom);
			inRanges.forEach(f -> sighted.add(f[0]));
			fresh.addAll(inRanges);
		}

		Set<Long> linkable = new HashSet<>();
		for (long[] f : fresh) {
			IngestValue value = valueIds.get(f[0]);
			if (value.links(properties.maxSourcesToLink())) {
				linkable.add(f[0]);
			}
		}
		if (linkable.isEmpty()) {
			return new IngestResult(batch.size(), fresh.size(), 0, 0);
		}
		Map<Long, Set<Long>> freshByIndicator = new HashMap<>();
		List<long[]> freshLinkable = new ArrayList<>();
		for (long[] f : fresh) {
			if (linkable.contains(f[0])) {
				freshByIndicator.computeIfAbsent(f[0], k -> new java.util.LinkedHashSet<>()).add(f[1]);
				freshLinkable.add(f);
			}
		}
		Map<Long, Carriers> existing = statements.existingCarriers(freshByIndicator.keySet(), freshLinkable);

		ClusterUnion union = new ClusterUnion();
		Set<NewHit> hits = new java.util.LinkedHashSet<>();
		int links = 0;
		for (Map.Entry<Long, Set<Long>> entry : freshByIndicator.entrySet()) {
			long indicator = entry.getKey();
			Carriers known = existing.getOrDefault(indicator, new Carriers());
			for (long recordId : entry.getValue()) {
				IngestRecord self = recordsById.get(recordId);
				links += known.count;
				if (known.cluster != null) {
					union.join(self.cluster(), known.cluster);
				}
				known.records.forEach(r -> union.join(self.cluster(), r.cluster()));
				hits.addAll(hitsFor(self, known, indicator));
				known.add(self);
			}
		}
		statements.mergeClusters(union, now);
		Map<Long, Integer> carrierTotals = new HashMap<>();
		freshByIndicator.forEach((indicator, fresher) -> carrierTotals.put(indicator,
				fresher.size() + existing.getOrDefault(indicator, new Carriers()).count));
		Map<String, Long> idOfKey = new HashMap<>();
		byKey.forEach((k, v) -> idOfKey.put(k, v.id()));
		hits = DerivedHits.withoutRedundant(hits, derivedFrom.byId(idOfKey), carrierTotals);
		int created = createHits(hits, now, announcement);
		return new IngestResult(batch.size(), fresh.size(), links, created);
	}

	/** Adds a record to a value's carriers, keeping the strongest way it carries it. */
	private static void carry(TreeMap<String, BatchValue> values, Map<String, Map<Long, Integer>> carriers, String key,
			ObservedIndicator indicator, IngestRecord rec, Instant at, int how) {
		BatchValue seen = values.computeIfAbsent(key, x -> new BatchValue(indicator, at));
		seen.first = seen.first.isBefore(at) ? seen.first : at;
		seen.last = seen.last.isAfter(at) ? seen.last : at;
		Map<Long, Integer> byRecord = carriers.computeIfAbsent(key, x -> new LinkedHashMap<>());
		Integer before = byRecord.get(rec.id());
		if (before == null) {
			byRecord.put(rec.id(), how);
			if (rec.created()) {
				seen.newCarriers++;
			}
		}
		else if (how < before) {
			byRecord.put(rec.id(), how);
		}
	}

	/**
	 * The hits a record joining an indicator's carriers creates: its own (when a record of another country,
	 * not TLP:RED, carries the indicator) and, unless it is TLP:RED itself, those of the carriers that had no
	 * cross-border partner until now. A carrier has one as soon as the indicator's non-RED carriers span two
	 * countries, so the fan-out happens at most once per indicator and country.
	 */
	private static List<NewHit> hitsFor(IngestRecord self, Carriers known, long indicator) {
		List<NewHit> hits = new ArrayList<>();
		Set<String> nonRedCountries = known.nonRedCountries.keySet();
		boolean partnerAbroad = nonRedCountries.stream().anyMatch(c -> !c.equals(self.country()));
		if (partnerAbroad) {
			hits.add(new NewHit(self.owner(), self.id(), indicator));
		}
		if (!self.tlp().mayLeaveOwner() || nonRedCountries.size() >= 2) {
			return hits;
		}
		String only = nonRedCountries.isEmpty() ? null : nonRedCountries.iterator().next();
		for (IngestRecord k : known.records) {
			boolean lacksHit = only == null || k.country().equals(only);
			if (lacksHit && !k.country().equals(self.country())) {
				hits.add(new NewHit(k.owner(), k.id(), indicator));
			}
		}
		return hits;
	}

	/**
	 * Under the lock: derived sightings ({@link Relation#ADDRESS_IN_RANGE}) of the reported ranges that hold the
	 * batch's new addresses, for the records carrying them, and of the batch's new ranges, for the records
	 * carrying addresses inside them (at most {@code max-sources-to-link + 1} of those per range: one more and
	 * the range is too common to link anyway). Both directions probe GiST indexes; the new sightings are
	 * counted like any and returned, to be linked with the batch's own.
	 */
	private List<long[]> addressesInRanges(List<long[]> fresh, Map<Long, String> networkTypes, Map<Long, IngestRecord> recordsById,
			Map<Long, IngestValue> valueIds, Map<Long, Timestamp> seenAtOf, DerivedHits.Sources derivedFrom) {
		Map<Long, List<Long>> addressCarriers = new HashMap<>();
		Set<Long> ranges = new java.util.TreeSet<>();
		for (long[] f : fresh) {
			String type = networkTypes.get(f[0]);
			if (type == null || valueIds.get(f[0]).benign() != null) {
				continue;
			}
			if (type.equals("CIDR")) {
				ranges.add(f[0]);
			}
			else {
				addressCarriers.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
			}
		}
		// range -> record -> {country, red, seen at}
		Map<Long, Map<Long, Object[]>> derived = new TreeMap<>();
		if (!addressCarriers.isEmpty()) {
			statements.rangesHolding(addressCarriers.keySet())
				.forEach(pair -> {
					derivedFrom.addIds(pair[1], pair[0]);
					for (long record : addressCarriers.get(pair[0])) {
						IngestRecord rec = recordsById.get(record);
						derived.computeIfAbsent(pair[1], k -> new TreeMap<>()).putIfAbsent(record,
								new Object[] { rec.country(), !rec.tlp().mayLeaveOwner(), seenAtOf.get(record) });
					}
				});
		}
		if (!ranges.isEmpty()) {
			statements.sightingsInside(ranges, 2 * (properties.maxSourcesToLink() + 1))
				.forEach(s -> derived.computeIfAbsent(s.range(), k -> new TreeMap<>()).putIfAbsent(s.record(),
						new Object[] { s.country(), s.red(), s.seenAt() }));
		}
		if (derived.isEmpty()) {
			return List.of();
		}
		List<Long> indicators = new ArrayList<>();
		List<Long> recordIds = new ArrayList<>();
		List<String> countries = new ArrayList<>();
		List<Boolean> red = new ArrayList<>();
		List<Timestamp> times = new ArrayList<>();
		derived.forEach((range, byRecord) -> byRecord.forEach((record, facts) -> {
			indicators.add(range);
			recordIds.add(record);
			countries.add((String) facts[0]);
			red.add((Boolean) facts[1]);
			times.add((Timestamp) facts[2]);
		}));
		List<Short> derivations = java.util.Collections.nCopies(indicators.size(), (short) Relation.ADDRESS_IN_RANGE.code());
		List<long[]> added = statements.insertSightings(indicators, recordIds, countries, red, times, derivations);
		if (added.isEmpty()) {
			return added;
		}
		Map<Long, Integer> counts = new TreeMap<>();
		added.forEach(a -> counts.merge(a[0], 1, Integer::sum));
		statements.addToCounts(counts, null, valueIds);
		Long[] others = added.stream().map(a -> a[1]).filter(r -> !recordsById.containsKey(r)).distinct().toArray(Long[]::new);
		if (others.length > 0) {
			statements.readRecordsById(others, recordsById);
		}
		return added;
	}

	private int createHits(Set<NewHit> hits, Instant now, HitAnnouncement announcement) {
		if (hits.isEmpty()) {
			return 0;
		}
		List<NewHit> list = new ArrayList<>(hits);
		list.sort(Comparator.comparing(NewHit::organisation).thenComparingLong(NewHit::record)
			.thenComparingLong(NewHit::indicator));
		List<Object[]> created = statements.insertHits(list, now);
		// one event and one audit entry per organisation and batch (the hit rows themselves say which and when)
		Map<UUID, List<UUID>> perOrganisation = new TreeMap<>();
		for (Object[] hit : created) {
			perOrganisation.computeIfAbsent((UUID) hit[1], o -> new ArrayList<>()).add((UUID) hit[0]);
		}
		List<AuditEvent> audited = new ArrayList<>(perOrganisation.size());
		String heldUnder = announcement.heldUnder();
		if (heldUnder != null && !created.isEmpty()) {
			statements.hold(heldUnder, created);
		}
		perOrganisation.forEach((org, ids) -> {
			if (heldUnder == null) {
				events.publishEvent(new CrossBorderHitsFound(new OrganisationId(org), ids));
			}
			audited.add(AuditEvent.of("hits.created", "organisation", org).withDetail("count=" + ids.size()));
		});
		audit.recordAll(AuditActor.SYSTEM, audited);
		return created.size();
	}
}
