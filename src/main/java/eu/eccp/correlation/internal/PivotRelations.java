package eu.eccp.correlation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.correlation.internal.PivotRepository.Key;
import eu.eccp.correlation.internal.PivotRepository.Known;
import eu.eccp.correlation.internal.PivotRepository.RelatedCarrier;
import eu.eccp.correlation.internal.PivotRepository.RelatedTarget;
import eu.eccp.indicators.RelatedValue;
import eu.eccp.indicators.RelatedValues;
import eu.eccp.indicators.Relation;
import eu.eccp.shared.CallerContext;

/**
 * What the pivot (search and bulk lookup alike) shows besides a value's exact sightings: the records that carry
 * it by relation or carry one of its related values (a URL's host and registrable domain, an e-mail address's
 * domain, the reported ranges holding an address; a range's addresses reach it by their own derived
 * sightings), each once with the strongest relation, and the related values themselves to pivot on next.
 * Found for any number of values in a few set-based queries through the same GiST indexes as the ingest; every
 * query filters by what the caller may see, as the exact sightings do. Values on a warning list, "too common"
 * or carried by more than {@code max-sources-to-link} records are shown but reach nothing, as they link
 * nothing.
 */
final class PivotRelations {

	/** Addresses listed for a range at most (the range's related sightings name the records). */
	static final int MAX_ADDRESSES_SHOWN = 100;

	private final PivotRepository repository;
	private final RelatedValues relatedValues;
	private final CorrelationProperties properties;

	PivotRelations(PivotRepository repository, RelatedValues relatedValues, CorrelationProperties properties) {
		this.repository = repository;
		this.relatedValues = relatedValues;
		this.properties = properties;
	}

	/**
	 * What one value reaches by relation: the caller's visible records (strongest relation each, the latest
	 * {@code max-sightings-shown} in time order, {@code truncated} when there are more), the records counted per
	 * country (see {@link #reach}), those the caller may open counted per country when asked for, and the related
	 * values.
	 */
	record Reach(List<RelatedCarrier> carriers, boolean truncated, Map<String, Integer> countsByCountry,
			Map<String, Integer> visibleByCountry, List<Views.RelatedValueView> values) {

		static final Reach NONE = new Reach(List.of(), false, Map.of(), Map.of(), List.of());

		List<Views.RelatedSighting> sightings(IndicatorPivot pivot, Map<UUID, String> names) {
			return carriers.stream().map(c -> {
				Relation relation = Relation.ofCode(c.relation());
				return new Views.RelatedSighting(relation.name(), relation.weight(), pivot.view(c.record(), names));
			}).toList();
		}
	}

	/**
	 * What each of {@code keys} (typed, canonical) reaches by relation. {@code known} holds the stored values
	 * among them. {@code counted}: which records the counts per country take in (the search counts only those the
	 * caller may not open, as it lists its own apart; the lookup every record the caller may know exists).
	 * {@code countVisible}: the values whose answer may speak only of the records the caller may open; those are
	 * counted too, for such a value whose list of them is cut (the list alone counts them otherwise).
	 */
	Map<Key, Reach> reach(CallerContext caller, List<Key> keys, Map<Key, Known> known, PivotRepository.CountScope counted,
			java.util.function.Predicate<Key> countVisible) {
		Map<Key, Reach> result = new LinkedHashMap<>();
		if (keys.isEmpty()) {
			return result;
		}
		List<List<RelatedValue>> derived = new ArrayList<>(keys.size());
		List<Key> derivedKeys = new ArrayList<>();
		List<String> addresses = new ArrayList<>();
		for (Key key : keys) {
			List<RelatedValue> values = key.type() == null ? List.of()
					: relatedValues.of(key.type(), key.value()).stream().filter(d -> d.benign() == null).toList();
			derived.add(values);
			values.forEach(v -> derivedKeys.add(new Key(v.type().name(), v.value())));
			if (isAddress(key)) {
				addresses.add(key.value());
			}
		}
		Map<Key, Known> derivedKnown = repository.find(derivedKeys);
		Map<String, List<Known>> ranges = repository.rangesHolding(addresses);

		List<RelatedTarget> targets = new ArrayList<>();
		List<List<Views.RelatedValueView>> views = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			Key key = keys.get(i);
			Known self = known.get(key);
			long selfId = self == null ? 0 : self.id();
			if (self != null) {
				targets.add(new RelatedTarget(i, self.id(), 0, PivotRepository.DERIVED_ONLY, selfId));
			}
			List<Views.RelatedValueView> valueViews = new ArrayList<>();
			for (RelatedValue value : derived.get(i)) {
				Known stored = derivedKnown.get(new Key(value.type().name(), value.value()));
				valueViews.add(new Views.RelatedValueView(value.type().name(), value.value(), value.relation().name(),
						stored == null ? 0 : stored.sourceCount(), stored != null));
				if (links(stored)) {
					targets.add(new RelatedTarget(i, stored.id(), value.relation().code(), PivotRepository.ALL, selfId));
				}
			}
			if (isAddress(key)) {
				for (Known range : ranges.getOrDefault(key.value(), List.of())) {
					valueViews.add(new Views.RelatedValueView("CIDR", range.value(), Relation.ADDRESS_IN_RANGE.name(),
							range.sourceCount(), true));
					if (links(range) && range.id() != selfId) {
						targets.add(new RelatedTarget(i, range.id(), Relation.ADDRESS_IN_RANGE.code(),
								PivotRepository.EXACT_ONLY, selfId));
					}
				}
			}
			views.add(valueViews);
		}
		Map<Integer, PivotRepository.Shown<RelatedCarrier>> carriers = repository.visibleRelated(caller, targets,
				properties.maxSightingsShown());
		Map<Integer, Map<String, Integer>> counts = repository.relatedCounts(caller, targets, counted);
		List<RelatedTarget> cutAndOwnOnly = targets.stream()
			.filter(t -> carriers.containsKey(t.query()) && carriers.get(t.query()).truncated()
					&& countVisible.test(keys.get(t.query())))
			.toList();
		Map<Integer, Map<String, Integer>> visibleCounts = cutAndOwnOnly.isEmpty() ? Map.of()
				: repository.relatedCounts(caller, cutAndOwnOnly, PivotRepository.CountScope.VISIBLE);
		for (int i = 0; i < keys.size(); i++) {
			PivotRepository.Shown<RelatedCarrier> shown = carriers.getOrDefault(i, PivotRepository.Shown.none());
			result.put(keys.get(i), new Reach(shown.items(), shown.truncated(), counts.getOrDefault(i, Map.of()),
					visibleCounts.getOrDefault(i, Map.of()), views.get(i)));
		}
		return result;
	}

	/** The reported addresses inside a range, to pivot on (at most {@value #MAX_ADDRESSES_SHOWN}). */
	List<Views.RelatedValueView> addressesIn(String range) {
		return repository.addressesIn(range, MAX_ADDRESSES_SHOWN).stream()
			.map(a -> new Views.RelatedValueView(a.type(), a.value(), Relation.ADDRESS_IN_RANGE.name(), a.sourceCount(), true))
			.toList();
	}

	private boolean links(@Nullable Known value) {
		return value != null && value.benign() == null && value.sourceCount() <= properties.maxSourcesToLink();
	}

	private static boolean isAddress(Key key) {
		return ("IPV4".equals(key.type()) || "IPV6".equals(key.type())) && Networks.of(key.type(), key.value()) != null;
	}
}
