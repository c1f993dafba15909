package eu.eccp.correlation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import eu.eccp.indicators.RelatedValue;
import eu.eccp.indicators.RelatedValues;
import eu.eccp.indicators.Relation;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Visibility;

/**
 * What the pivot shows besides a value's exact sightings: the caller's records that carry it by relation, and
 * the values related to it (a URL's host and domain, the reported ranges holding an address, the addresses
 * inside a range), found through the same GiST indexes as the ingest. Every query filters by what the caller
 * may see, as the exact sightings do.
 */
final class PivotRelations {

	/** Addresses listed for a range at most (the range's related sightings name the records). */
	static final int MAX_ADDRESSES_SHOWN = 100;

	private final JdbcClient jdbc;
	private final RelatedValues relatedValues;
	private final IndicatorPivot pivot;

	PivotRelations(JdbcClient jdbc, RelatedValues relatedValues, IndicatorPivot pivot) {
		this.jdbc = jdbc;
		this.relatedValues = relatedValues;
		this.pivot = pivot;
	}

	/** A visible record and how it carries a value (0: exactly, else a {@link Relation}'s code). */
	record Carried(Views.VisibleRecord record, int derivation) {
	}

	/** The caller's visible records carrying each value, exact ones first. */
	Map<Long, List<Carried>> visibleCarriers(CallerContext caller, List<Long> indicatorIds) {
		Map<Long, List<Carried>> result = new HashMap<>();
		if (indicatorIds.isEmpty()) {
			return result;
		}
		Visibility.SqlCondition visible = RecordVisibility.visible(caller);
		Map<UUID, String> names = new HashMap<>();
		jdbc.sql("SELECT s.indicator_id, s.derivation, r.* FROM sighting s JOIN correlation_record r ON r.id = s.record_id "
				+ "WHERE s.indicator_id = ANY (CAST(:ids AS bigint[])) AND " + visible.sql()
				+ " ORDER BY COALESCE(s.derivation, 0), r.seen_at")
			.params(visible.parameters())
			.param("ids", indicatorIds.toArray(Long[]::new))
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Carried(pivot.record(rs, names), rs.getInt(2))))
			.list();
		return result;
	}

	/** The reported ranges holding each address (valid addresses only; GiST index on the ranges). */
	Map<String, List<IndicatorPivot.Known>> rangesHolding(List<String> addresses) {
		Map<String, List<IndicatorPivot.Known>> result = new LinkedHashMap<>();
		List<String> valid = addresses.stream().filter(a -> Networks.of(a.indexOf(':') >= 0 ? "IPV6" : "IPV4", a) != null)
			.toList();
		if (valid.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT x.a, v.* FROM unnest(CAST(:a AS text[])) AS x(a)
				JOIN indicator_value v ON v.type = 'CIDR' AND v.network >>= CAST(x.a AS inet)
				ORDER BY masklen(v.network) DESC""")
			.param("a", valid.toArray(String[]::new))
			.query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(IndicatorPivot.known(rs)))
			.list();
		return result;
	}

	/**
	 * The values related to a searched one; for an address, the visible records carrying a range that holds it
	 * are added to {@code relatedSightings} (as {@link Relation#ADDRESS_IN_RANGE}).
	 */
	List<Views.RelatedValueView> relatedValues(CallerContext caller, String type, String value,
			List<Views.RelatedSighting> relatedSightings) {
		List<Views.RelatedValueView> views = new ArrayList<>();
		switch (type) {
			case "IPV4", "IPV6" -> {
				List<IndicatorPivot.Known> ranges = rangesHolding(List.of(value)).getOrDefault(value, List.of());
				ranges.forEach(r -> views.add(new Views.RelatedValueView("CIDR", r.value(), Relation.ADDRESS_IN_RANGE.name(),
						r.sourceCount(), true)));
				Map<Long, List<Carried>> carriers = visibleCarriers(caller, ranges.stream().map(IndicatorPivot.Known::id).toList());
				carriers.values().stream().flatMap(List::stream).filter(c -> c.derivation() == 0)
					.map(Carried::record).distinct()
					.forEach(record -> relatedSightings.add(new Views.RelatedSighting(Relation.ADDRESS_IN_RANGE.name(),
							Relation.ADDRESS_IN_RANGE.weight(), record)));
			}
			case "CIDR" -> jdbc.sql("""
					SELECT v.type, v.value, v.source_count FROM indicator_value rv
					JOIN indicator_value v ON v.type IN ('IPV4', 'IPV6') AND v.network <<= rv.network
					WHERE rv.type = 'CIDR' AND rv.value = :value LIMIT :limit""")
				.param("value", value)
				.param("limit", MAX_ADDRESSES_SHOWN)
				.query((rs, n) -> views.add(new Views.RelatedValueView(rs.getString(1), rs.getString(2),
						Relation.ADDRESS_IN_RANGE.name(), rs.getInt(3), true)))
				.list();
			default -> {
				List<RelatedValue> derived = relatedValues.of(type, value).stream().filter(d -> d.benign() == null).toList();
				if (derived.isEmpty()) {
					break;
				}
				Map<String, Integer> counts = new HashMap<>();
				jdbc.sql("""
						SELECT v.type, v.value, v.source_count FROM indicator_value v
						JOIN unnest(CAST(:types AS text[]), CAST(:values AS text[])) AS x(t, val) ON v.type = x.t AND v.value = x.val""")
					.param("types", derived.stream().map(d -> d.type().name()).toArray(String[]::new))
					.param("values", derived.stream().map(RelatedValue::value).toArray(String[]::new))
					.query((rs, n) -> counts.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getInt(3)))
					.list();
				for (RelatedValue d : derived) {
					Integer count = counts.get(d.type().name() + "\u0000" + d.value());
					views.add(new Views.RelatedValueView(d.type().name(), d.value(), d.relation().name(),
							count == null ? 0 : count, count != null));
				}
			}
		}
		return views;
	}
}
