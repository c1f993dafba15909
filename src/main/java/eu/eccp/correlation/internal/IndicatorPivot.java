package eu.eccp.correlation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
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
import eu.eccp.shared.Visibility;

/**
 * Pivoting on indicators: what is known of a value (defanged input is understood), which sightings the
 * caller may see, how many others exist per country, and the clusters it belongs to. Bulk lookup answers
 * up to {@code max-lookup-values} values in one go with a few set-based queries.
 */
@Service
public class IndicatorPivot {

	static final Role[] READERS = { Role.ANALYST, Role.COORDINATOR, Role.HOTLINE_ANALYST, Role.PARTNER,
			Role.CONTACT_POINT_OFFICER };

	private final JdbcClient jdbc;
	private final IndicatorExtractor extractor;
	private final Organisations organisations;
	private final CorrelationProperties properties;
	private final AuditTrail audit;

	private final PivotRelations related;

	IndicatorPivot(JdbcClient jdbc, IndicatorExtractor extractor, Organisations organisations,
			CorrelationProperties properties, AuditTrail audit, eu.eccp.indicators.RelatedValues relatedValues) {
		this.related = new PivotRelations(jdbc, relatedValues, this);
		this.jdbc = jdbc;
		this.extractor = extractor;
		this.organisations = organisations;
		this.properties = properties;
		this.audit = audit;
	}

	private record Key(String type, String value) {
	}

	record Known(long id, String type, String value, String benign, int sourceCount,
			java.time.Instant firstSeen, java.time.Instant lastSeen) {
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
		Map<Key, Known> known = find(keys);
		// an address nobody reported may still lie in a reported range: the ranges are what is known of it
		List<Key> unknownAddresses = keys.stream()
			.filter(k -> k.type() != null && !known.containsKey(k) && Networks.of(k.type(), k.value()) != null)
			.toList();
		if (!unknownAddresses.isEmpty()) {
			related.rangesHolding(unknownAddresses.stream().map(Key::value).toList()).values().stream()
				.flatMap(List::stream).distinct()
				.forEach(range -> known.putIfAbsent(new Key("CIDR", range.value()), new Known(range.id(), "CIDR",
						range.value(), range.benign(), range.sourceCount(), range.firstSeen(), range.lastSeen())));
		}
		List<Views.IndicatorSighting> results = new ArrayList<>();
		List<Long> ids = known.values().stream().map(Known::id).toList();
		Map<Long, List<PivotRelations.Carried>> visible = related.visibleCarriers(caller, ids);
		Map<Long, Map<String, Integer>> others = counts(ids, "NOT " + RecordVisibility.visible(caller).sql()
				+ " AND r.tlp <> 'RED' AND s.derivation IS NULL", RecordVisibility.visible(caller).parameters());
		Map<Long, Map<String, Integer>> othersRelated = counts(ids, "NOT " + RecordVisibility.visible(caller).sql()
				+ " AND r.tlp <> 'RED' AND s.derivation IS NOT NULL", RecordVisibility.visible(caller).parameters());
		boolean mayCount = maySeeCountsOfPersonalData(caller);
		for (Known k : new LinkedHashSet<>(known.values())) {
			List<PivotRelations.Carried> carried = visible.getOrDefault(k.id(), List.of());
			List<Views.VisibleRecord> mine = carried.stream().filter(c -> c.derivation() == 0)
				.map(PivotRelations.Carried::record).toList();
			List<Views.RelatedSighting> relatedMine = new ArrayList<>(carried.stream().filter(c -> c.derivation() != 0)
				.map(c -> new Views.RelatedSighting(HitInbox.relation(c.derivation()), HitInbox.weight(c.derivation()),
						c.record()))
				.toList());
			List<Views.RelatedValueView> relatedValues = related.relatedValues(caller, k.type(), k.value(), relatedMine);
			List<Long> clusters = carried.stream().map(c -> c.record().clusterId()).distinct().toList();
			if (!mayCount && identifiesPerson(k.type())) {
				if (!carried.isEmpty()) {
					results.add(new Views.IndicatorSighting(k.id(), k.type(), k.value(), k.benign(), mine.size(),
							k.benign() != null, k.firstSeen(), k.lastSeen(), mine, Map.of(), clusters, true, relatedMine,
							Map.of(), relatedValues));
				}
				continue;
			}
			results.add(new Views.IndicatorSighting(k.id(), k.type(), k.value(), k.benign(), k.sourceCount(),
					k.benign() != null || k.sourceCount() > properties.maxSourcesToLink(), k.firstSeen(), k.lastSeen(), mine,
					others.getOrDefault(k.id(), Map.of()), clusters, false, relatedMine,
					othersRelated.getOrDefault(k.id(), Map.of()), relatedValues));
		}
		audit.record(AuditEvent.of("indicator.searched", "indicator", known.isEmpty() ? null
				: known.values().iterator().next().id()).withDetail("results=" + results.size()));
		return results;
	}

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
		Map<Key, Known> known = find(byQuery.values());
		List<Long> ids = known.values().stream().map(Known::id).toList();
		Map<Long, List<Views.VisibleRecord>> visible = visibleSightings(caller, ids);
		Map<Long, Map<String, Integer>> counts = allCounts(caller, ids);
		// (both of exact sightings: a lookup answers whether the value itself is known)
		boolean mayCount = maySeeCountsOfPersonalData(caller);
		List<Views.LookupAnswer> answers = new ArrayList<>();
		for (String value : values) {
			Key key = value == null ? null : byQuery.get(value);
			Known k = key == null ? null : known.get(key);
			boolean withheld = !mayCount && identifiesPerson(k != null ? k.type() : key == null ? null : key.type());
			List<Views.VisibleRecord> mine = k == null ? List.of() : visible.getOrDefault(k.id(), List.of());
			if (k == null || withheld && mine.isEmpty()) {
				answers.add(new Views.LookupAnswer(value, key == null ? null : key.type(), key == null ? null : key.value(),
						false, 0, List.of(), List.of(), withheld));
				continue;
			}
			if (withheld) {
				answers.add(new Views.LookupAnswer(value, k.type(), k.value(), true, mine.size(),
						mine.stream().map(Views.VisibleRecord::country).distinct().sorted().toList(), mine, true));
				continue;
			}
			Map<String, Integer> perCountry = counts.getOrDefault(k.id(), Map.of());
			answers.add(new Views.LookupAnswer(value, k.type(), k.value(), true,
					perCountry.values().stream().mapToInt(Integer::intValue).sum(), List.copyOf(perCountry.keySet()), mine,
					false));
		}
		audit.record(AuditEvent.of("indicator.looked-up", "indicator", null).withDetail("values=" + values.size()
				+ " known=" + known.size()));
		return answers;
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

	private Map<Key, Known> find(java.util.Collection<Key> keys) {
		Map<Key, Known> found = new LinkedHashMap<>();
		List<Key> typed = keys.stream().filter(k -> k.type() != null).distinct().toList();
		List<String> untyped = keys.stream().filter(k -> k.type() == null).map(Key::value).distinct().toList();
		if (!typed.isEmpty()) {
			jdbc.sql("""
					SELECT v.* FROM indicator_value v JOIN unnest(CAST(:types AS text[]), CAST(:values AS text[])) AS x(t, val)
					  ON v.type = x.t AND v.value = x.val""")
				.param("types", typed.stream().map(Key::type).toArray(String[]::new))
				.param("values", typed.stream().map(Key::value).toArray(String[]::new))
				.query((rs, n) -> found.put(new Key(rs.getString("type"), rs.getString("value")), known(rs)))
				.list();
		}
		if (!untyped.isEmpty()) {
			jdbc.sql("SELECT v.* FROM indicator_value v WHERE v.value = ANY (CAST(:values AS text[]))")
				.param("values", untyped.toArray(String[]::new))
				.query((rs, n) -> found.put(new Key(null, rs.getString("value")), known(rs)))
				.list();
		}
		return found;
	}

	static Known known(ResultSet rs) throws SQLException {
		return new Known(rs.getLong("id"), rs.getString("type"), rs.getString("value"), rs.getString("benign"),
				rs.getInt("source_count"), rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
				rs.getObject("last_seen", OffsetDateTime.class).toInstant());
	}

	Map<Long, List<Views.VisibleRecord>> visibleSightings(CallerContext caller, List<Long> indicatorIds) {
		Map<Long, List<Views.VisibleRecord>> result = new HashMap<>();
		if (indicatorIds.isEmpty()) {
			return result;
		}
		Visibility.SqlCondition visible = RecordVisibility.visible(caller);
		Map<UUID, String> names = new HashMap<>();
		jdbc.sql("SELECT s.indicator_id, r.* FROM sighting s JOIN correlation_record r ON r.id = s.record_id "
				+ "WHERE s.indicator_id = ANY (CAST(:ids AS bigint[])) AND s.derivation IS NULL AND " + visible.sql()
				+ " ORDER BY r.seen_at")
			.params(visible.parameters())
			.param("ids", indicatorIds.toArray(Long[]::new))
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(record(rs, names)))
			.list();
		return result;
	}

	Views.VisibleRecord record(ResultSet rs, Map<UUID, String> names) throws SQLException {
		UUID owner = rs.getObject("owner_org", UUID.class);
		String name = names.computeIfAbsent(owner,
				o -> organisations.find(new OrganisationId(o)).map(OrganisationView::name).orElse("?"));
		return new Views.VisibleRecord(rs.getString("source_kind"), rs.getObject("source_id", UUID.class), owner, name,
				rs.getString("country"), rs.getString("tlp"), rs.getLong("cluster_id"),
				rs.getObject("seen_at", OffsetDateTime.class).toInstant());
	}

	/** Counts per country of all exact sightings the caller may know exist. */
	private Map<Long, Map<String, Integer>> allCounts(CallerContext caller, List<Long> indicatorIds) {
		Visibility.SqlCondition countable = RecordVisibility.countable(caller);
		return counts(indicatorIds, countable.sql() + " AND s.derivation IS NULL", countable.parameters());
	}

	private Map<Long, Map<String, Integer>> counts(List<Long> indicatorIds, String where, Map<String, Object> params) {
		Map<Long, Map<String, Integer>> result = new HashMap<>();
		if (indicatorIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT s.indicator_id, r.country, count(*) FROM sighting s JOIN correlation_record r ON r.id = s.record_id "
				+ "WHERE s.indicator_id = ANY (CAST(:ids AS bigint[])) AND " + where + " GROUP BY 1, 2")
			.params(params)
			.param("ids", indicatorIds.toArray(Long[]::new))
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3)))
			.list();
		return result;
	}
}
