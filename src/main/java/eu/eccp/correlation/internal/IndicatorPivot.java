package eu.eccp.correlation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.correlation.internal.PivotRepository.Key;
import eu.eccp.correlation.internal.PivotRepository.Known;
import eu.eccp.correlation.internal.PivotRepository.Shown;
import eu.eccp.audit.AuditTrail;
import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;

/**
 * Pivoting on indicators: what is known of a value (defanged input is understood), which sightings the
 * caller may see, how many others exist per country, and the clusters it belongs to. Bulk lookup answers
 * up to {@code max-lookup-values} values in one go with a few set-based queries.
 */
@Service
public class IndicatorPivot {

	static final Role[] READERS = { Role.ANALYST, Role.COORDINATOR, Role.HOTLINE_ANALYST, Role.PARTNER,
			Role.CONTACT_POINT_OFFICER };

	private final PivotRepository repository;
	private final IndicatorExtractor extractor;
	private final Organisations organisations;
	private final CorrelationProperties properties;
	private final AuditTrail audit;

	private final PivotRelations related;

	IndicatorPivot(PivotRepository repository, IndicatorExtractor extractor, Organisations organisations,
			CorrelationProperties properties, AuditTrail audit, eu.eccp.indicators.RelatedValues relatedValues) {
		this.repository = repository;
		this.related = new PivotRelations(repository, relatedValues, properties);
		this.extractor = extractor;
		this.organisations = organisations;
		this.properties = properties;
		this.audit = audit;
	}

	/** The canonical indicators a query stands for: what the extractor finds in it, else the text as typed. */
	List<Key> canonical(String query, String region) {
		String text = query.strip();
		List<Key> keys = new ArrayList<>();
		for (Indicator indicator : extractor.extract(text, ExtractionOptions.forRegion(region))) {
			eu.eccp.correlation.ObservedIndicator.of(indicator).ifPresent(o -> keys.add(new Key(o.type(), o.value())));
		}
		if (keys.isEmpty() && !text.isEmpty()) {
			keys.add(new Key(null, text));
		}
		return keys;
	}

	@Transactional
	public List<Views.IndicatorSighting> search(CallerContext caller, String query) {
		caller.requireAny(READERS);
		if (query == null || query.isBlank() || query.length() > 2_000) {
			throw new InvalidRequestException("q", "validation.query");
		}
		List<Key> keys = canonical(query, caller.country().value());
		repository.probeIndexesOnly();
		Map<Key, Known> known = repository.find(keys);
		// an address nobody reported may still lie in a reported range: the ranges are what is known of it
		List<String> unknownAddresses = keys.stream()
			.filter(k -> k.type() != null && !known.containsKey(k) && Networks.of(k.type(), k.value()) != null)
			.map(Key::value).toList();
		if (!unknownAddresses.isEmpty()) {
			repository.rangesHolding(unknownAddresses).values().stream().flatMap(List::stream).distinct()
				.forEach(range -> known.putIfAbsent(new Key("CIDR", range.value()), range));
		}
		List<Known> values = List.copyOf(new LinkedHashSet<>(known.values()));
		List<Long> ids = values.stream().map(Known::id).toList();
		Map<Long, Shown<PivotRepository.RecordRow>> exact = repository.visibleCarriers(caller, ids,
				properties.maxSightingsShown());
		Map<Long, Map<String, Integer>> others = repository.hiddenCounts(caller, ids, false);
		List<Key> searched = values.stream().map(k -> new Key(k.type(), k.value())).toList();
		Map<Key, PivotRelations.Reach> reach = related.reach(caller, searched, known, PivotRepository.CountScope.HIDDEN,
				key -> false);
		boolean mayCount = maySeeCountsOfPersonalData(caller);
		Map<Long, Map<String, Integer>> mineCounted = mayCount ? Map.of() : visibleCountsOfCut(caller, exact, values);
		Map<UUID, String> names = new HashMap<>();
		List<Views.IndicatorSighting> results = new ArrayList<>();
		for (Known k : values) {
			Shown<PivotRepository.RecordRow> shown = exact.getOrDefault(k.id(), Shown.none());
			List<Views.VisibleRecord> mine = shown.items().stream().map(r -> view(r, names)).toList();
			PivotRelations.Reach r = reach.getOrDefault(new Key(k.type(), k.value()), PivotRelations.Reach.NONE);
			List<Views.RelatedSighting> relatedMine = r.sightings(this, names);
			List<Views.RelatedValueView> relatedValues = new ArrayList<>(r.values());
			if ("CIDR".equals(k.type())) {
				relatedValues.addAll(related.addressesIn(k.value()));
			}
			List<Long> clusters = java.util.stream.Stream.concat(mine.stream(), relatedMine.stream().map(Views.RelatedSighting::record))
				.map(Views.VisibleRecord::clusterId).distinct().toList();
			if (!mayCount && identifiesPerson(k.type())) {
				if (!mine.isEmpty() || !relatedMine.isEmpty()) {
					int mineCount = shown.truncated() ? total(mineCounted.getOrDefault(k.id(), Map.of())) : mine.size();
					results.add(new Views.IndicatorSighting(k.id(), k.type(), k.value(), k.benign(), mineCount,
							k.benign() != null, k.firstSeen(), k.lastSeen(), mine, Map.of(), clusters, true, relatedMine,
							Map.of(), relatedValues, shown.truncated(), r.truncated()));
				}
				continue;
			}
			results.add(new Views.IndicatorSighting(k.id(), k.type(), k.value(), k.benign(), k.sourceCount(),
					k.benign() != null || k.sourceCount() > properties.maxSourcesToLink(), k.firstSeen(), k.lastSeen(), mine,
					others.getOrDefault(k.id(), Map.of()), clusters, false, relatedMine, r.countsByCountry(), relatedValues,
					shown.truncated(), r.truncated()));
		}
		audit.record(AuditEvent.of("indicator.searched", "indicator", known.isEmpty() ? null
				: known.values().iterator().next().id()).withDetail("results=" + results.size()));
		return results;
	}

	/**
	 * Up to {@code max-lookup-values} values at once: for each, whether the value itself is known (exact
	 * sightings, counted per country, and the caller's own) and, apart from that, the records reached through its
	 * related values (a URL's host and registrable domain, an e-mail address's domain, the reported ranges holding
	 * an address, the addresses inside a range), by the same {@link PivotRelations#reach} the search uses. For a
	 * value that identifies a person, callers outside law enforcement get neither count: only their own records.
	 */
	@Transactional
	public List<Views.LookupAnswer> lookup(CallerContext caller, List<String> values) {
		caller.requireAny(READERS);
		if (values == null || values.isEmpty() || values.size() > properties.maxLookupValues()) {
			throw new InvalidRequestException("values", "validation.lookupValues");
		}
		Map<String, Key> byQuery = new LinkedHashMap<>();
		for (String value : values) {
			if (value == null || value.isBlank() || value.length() > 2_000) {
				continue;
			}
			List<Key> keys = canonical(value, caller.country().value());
			byQuery.put(value, keys.get(0));
		}
		repository.probeIndexesOnly();
		Map<Key, Known> known = repository.find(byQuery.values());
		List<Long> ids = known.values().stream().map(Known::id).toList();
		Map<Long, Shown<PivotRepository.RecordRow>> visible = repository.visibleCarriers(caller, ids,
				properties.maxSightingsShown());
		Map<Long, Map<String, Integer>> counts = repository.countableExactCounts(caller, ids);
		boolean mayCount = maySeeCountsOfPersonalData(caller);
		Map<Key, PivotRelations.Reach> reach = related.reach(caller,
				byQuery.values().stream().filter(k -> k.type() != null).distinct().toList(), known,
				PivotRepository.CountScope.COUNTABLE, key -> !mayCount && identifiesPerson(key.type()));
		Map<Long, Map<String, Integer>> mineCounted = mayCount ? Map.of()
				: visibleCountsOfCut(caller, visible, known.values());
		Map<UUID, String> names = new HashMap<>();
		List<Views.LookupAnswer> answers = new ArrayList<>();
		for (String value : values) {
			Key key = value == null ? null : byQuery.get(value);
			Known k = key == null ? null : known.get(key);
			String type = k != null ? k.type() : key == null ? null : key.type();
			String canonical = k != null ? k.value() : key == null ? null : key.value();
			boolean withheld = !mayCount && identifiesPerson(type);
			Shown<PivotRepository.RecordRow> shown = k == null ? Shown.none() : visible.getOrDefault(k.id(), Shown.none());
			List<Views.VisibleRecord> mine = shown.items().stream().map(r -> view(r, names)).toList();
			PivotRelations.Reach r = key == null ? PivotRelations.Reach.NONE
					: reach.getOrDefault(key, PivotRelations.Reach.NONE);
			List<Views.RelatedSighting> relatedMine = r.sightings(this, names);
			Views.RelatedAnswer relatedAnswer;
			if (withheld) {
				// only the caller's own records: counted in full when the list of them is cut
				Map<String, Integer> relatedMineCounted = r.truncated() ? r.visibleByCountry()
						: countByCountry(relatedMine.stream().map(x -> x.record().country()).toList());
				relatedAnswer = new Views.RelatedAnswer(total(relatedMineCounted), List.copyOf(relatedMineCounted.keySet()),
						relatedMine,
						r.values().stream().map(v -> new Views.RelatedValueView(v.type(), v.value(), v.relation(), 0, v.known()))
							.toList(), r.truncated());
			} else {
				relatedAnswer = new Views.RelatedAnswer(total(r.countsByCountry()), List.copyOf(r.countsByCountry().keySet()),
						relatedMine, r.values(), r.truncated());
			}
			if (k == null || withheld && mine.isEmpty()) {
				answers.add(new Views.LookupAnswer(value, type, canonical, false, 0, List.of(), List.of(), withheld,
						relatedAnswer, false));
				continue;
			}
			if (withheld) {
				Map<String, Integer> mineByCountry = shown.truncated() ? mineCounted.getOrDefault(k.id(), Map.of())
						: countByCountry(mine.stream().map(Views.VisibleRecord::country).toList());
				answers.add(new Views.LookupAnswer(value, k.type(), k.value(), true, total(mineByCountry),
						List.copyOf(mineByCountry.keySet()), mine, true, relatedAnswer, shown.truncated()));
				continue;
			}
			Map<String, Integer> perCountry = counts.getOrDefault(k.id(), Map.of());
			answers.add(new Views.LookupAnswer(value, k.type(), k.value(), true, total(perCountry),
					List.copyOf(perCountry.keySet()), mine, false, relatedAnswer, shown.truncated()));
		}
		audit.record(AuditEvent.of("indicator.looked-up", "indicator", null).withDetail("values=" + values.size()
				+ " known=" + known.size()));
		return answers;
	}

	/**
	 * The caller's visible records per country for the values among {@code values} that identify a person and whose
	 * list of them was cut (an answer that may speak only of those records then counts them in full); none for the
	 * others, whose answers count differently or whose list is whole.
	 */
	private Map<Long, Map<String, Integer>> visibleCountsOfCut(CallerContext caller,
			Map<Long, Shown<PivotRepository.RecordRow>> lists, java.util.Collection<Known> values) {
		List<Long> cut = values.stream().filter(k -> identifiesPerson(k.type()))
			.filter(k -> lists.containsKey(k.id()) && lists.get(k.id()).truncated()).map(Known::id).distinct().toList();
		return cut.isEmpty() ? Map.of() : repository.visibleExactCounts(caller, cut);
	}

	private static Map<String, Integer> countByCountry(List<String> countries) {
		Map<String, Integer> result = new java.util.TreeMap<>();
		countries.forEach(c -> result.merge(c, 1, Integer::sum));
		return result;
	}

	private static int total(Map<String, Integer> perCountry) {
		return perCountry.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * Who may learn that other organisations hold records for a value that identifies a person (and how many, in
	 * which countries): law enforcement only, that is the analysts, contact-point officers and coordinators of
	 * national units, 24/7 contact points and EU bodies. Hotlines, private partners and the platform operator see
	 * only their own (and granted) records for such values.
	 */
	public boolean maySeeCountsOfPersonalData(CallerContext caller) {
		if (!(caller.has(Role.ANALYST) || caller.has(Role.CONTACT_POINT_OFFICER) || caller.has(Role.COORDINATOR))) {
			return false;
		}
		return organisations.find(caller.organisationId()).map(o -> o.type().isPublicAuthority()).orElse(false);
	}

	/** Whether an indicator type (as stored, e.g. {@code EMAIL} or {@code PAYMENT_CARD_HASH}) identifies a person. */
	static boolean identifiesPerson(@Nullable String type) {
		if (type == null) {
			return false;
		}
		if (type.equals("PAYMENT_CARD_HASH")) {
			return true;
		}
		return Arrays.stream(IndicatorType.values()).anyMatch(t -> t.name().equals(type) && t.identifiesPerson());
	}

	/** A stored record as the caller sees it, with its owner's name (looked up once per owner). */
	Views.VisibleRecord view(PivotRepository.RecordRow r, Map<UUID, String> names) {
		String name = names.computeIfAbsent(r.ownerOrg(),
				o -> organisations.find(new OrganisationId(o)).map(OrganisationView::name).orElse("?"));
		return new Views.VisibleRecord(r.sourceKind(), r.sourceId(), r.ownerOrg(), name, r.country(), r.tlp(),
				r.clusterId(), r.seenAt());
	}
}
