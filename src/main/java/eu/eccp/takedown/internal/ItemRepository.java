package eu.eccp.takedown.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Visibility;
import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.ReportedCategory;

/** Items, their sources, parties and timeline. Bulk paths write whole chunks in one statement each. */
@Repository
class ItemRepository {

	private final JdbcClient jdbc;

	ItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the items not known yet and links every sighting to its item; returns one placement per sighting. */
	List<Placement> place(List<Sighting> sightings, Instant now) {
		if (sightings.isEmpty()) {
			return List.of();
		}
		int n = sightings.size();
		UUID[] ids = new UUID[n];
		String[] urls = new String[n];
		String[] keys = new String[n];
		String[] hosts = new String[n];
		String[] categories = new String[n];
		String[] tlps = new String[n];
		UUID[] handlers = new UUID[n];
		Timestamp[] ats = new Timestamp[n];
		for (int i = 0; i < n; i++) {
			Sighting s = sightings.get(i);
			ids[i] = UUID.randomUUID();
			urls[i] = s.url().key();
			keys[i] = s.url().key();
			hosts[i] = s.url().host();
			categories[i] = s.category().name();
			tlps[i] = s.tlp().name();
			handlers[i] = s.handler().value();
			ats[i] = Timestamp.from(s.at());
		}
		Set<UUID> created = new HashSet<>(jdbc.sql("""
				INSERT INTO content_item (id, url, url_key, host, reported_category, tlp, status, handler_org,
				  handled_since, reported_at, updated_at)
				SELECT i, u, k, h, c, t, 'NEW', o, a, a, :now
				FROM unnest(CAST(:ids AS uuid[]), CAST(:urls AS text[]), CAST(:keys AS text[]), CAST(:hosts AS text[]),
				  CAST(:categories AS text[]), CAST(:tlps AS text[]), CAST(:handlers AS uuid[]),
				  CAST(:ats AS timestamptz[])) AS x(i, u, k, h, c, t, o, a)
				ON CONFLICT (url_key) DO NOTHING
				RETURNING id""")
			.param("ids", ids).param("urls", urls).param("keys", keys).param("hosts", hosts)
			.param("categories", categories).param("tlps", tlps).param("handlers", handlers).param("ats", ats)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.list());
		Map<String, Placement> byKey = new HashMap<>();
		jdbc.sql("SELECT id, url, url_key, handler_org, handled_since FROM content_item WHERE url_key = ANY(CAST(:keys AS text[]))")
			.param("keys", new HashSet<>(List.of(keys)).toArray(String[]::new))
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				byKey.put(rs.getString("url_key"), new Placement(new ItemId(id), rs.getString("url"), created.contains(id),
						new OrganisationId(rs.getObject("handler_org", UUID.class)), instant(rs, "handled_since"), false));
				return id;
			})
			.list();
		List<Placement> placements = new ArrayList<>(n);
		UUID[] itemIds = new UUID[n];
		String[] kinds = new String[n];
		UUID[] sources = new UUID[n];
		String[] references = new String[n];
		UUID[] submitters = new UUID[n];
		String[] given = new String[n];
		for (int i = 0; i < n; i++) {
			Sighting s = sightings.get(i);
			Placement placement = byKey.get(s.url().key());
			placements.add(placement);
			itemIds[i] = placement.item().value();
			kinds[i] = s.sourceKind();
			sources[i] = s.sourceId();
			references[i] = s.sourceReference();
			submitters[i] = s.submitter() == null ? null : s.submitter().value();
			given[i] = s.urlAsGiven();
		}
		Set<String> insertedSources = new HashSet<>();
		List<UUID> newSources = jdbc.sql("""
				INSERT INTO content_item_source (item_id, source_kind, source_id, source_reference, organisation_id,
				  url_as_given, reported_at)
				SELECT i, k, s, r, o, g, a FROM unnest(CAST(:items AS uuid[]), CAST(:kinds AS text[]),
				  CAST(:sources AS uuid[]), CAST(:refs AS text[]), CAST(:orgs AS uuid[]), CAST(:given AS text[]),
				  CAST(:ats AS timestamptz[])) AS x(i, k, s, r, o, g, a)
				ON CONFLICT DO NOTHING
				RETURNING item_id, source_kind, source_id""")
			.param("items", itemIds).param("kinds", kinds).param("sources", sources).param("refs", references)
			.param("orgs", submitters).param("given", given).param("ats", ats)
			.query((rs, row) -> {
				insertedSources.add(rs.getObject(1, UUID.class) + " " + rs.getString(2) + " " + rs.getObject(3, UUID.class));
				return rs.getObject(1, UUID.class);
			})
			.list();
		for (int i = 0; i < n; i++) {
			placements.set(i, placements.get(i).withNewSource(insertedSources.contains(itemIds[i] + " " + kinds[i] + " " + sources[i])));
		}
		// parties: the handler of each new item, every reporting organisation
		List<UUID> partyItems = new ArrayList<>();
		List<UUID> partyOrgs = new ArrayList<>();
		List<String> partyKinds = new ArrayList<>();
		List<Timestamp> partySince = new ArrayList<>();
		// timeline: created, or joined by another report
		List<UUID> eventItems = new ArrayList<>();
		List<String> eventKinds = new ArrayList<>();
		List<UUID> eventOrgs = new ArrayList<>();
		List<String> eventDetails = new ArrayList<>();
		List<Timestamp> eventAts = new ArrayList<>();
		Set<UUID> createdSeen = new HashSet<>();
		Set<UUID> sourcedItems = new HashSet<>(newSources);
		for (int i = 0; i < n; i++) {
			Sighting s = sightings.get(i);
			Placement p = placements.get(i);
			UUID item = p.item().value();
			if (p.created() && createdSeen.add(item)) {
				partyItems.add(item);
				partyOrgs.add(p.handler().value());
				partyKinds.add("HANDLER");
				partySince.add(Timestamp.from(p.handledSince()));
				eventItems.add(item);
				eventKinds.add("REPORTED");
				eventOrgs.add(s.submitter() == null ? null : s.submitter().value());
				eventDetails.add(s.sourceReference());
				eventAts.add(ats[i]);
			}
			else if (!p.created() && sourcedItems.contains(item)) {
				eventItems.add(item);
				eventKinds.add("JOINED");
				eventOrgs.add(s.submitter() == null ? null : s.submitter().value());
				eventDetails.add(s.sourceReference());
				eventAts.add(ats[i]);
			}
			if (!p.created() && !s.handler().equals(p.handler())) {
				// the organisation this report was routed to learns who already handles the item
				partyItems.add(item);
				partyOrgs.add(s.handler().value());
				partyKinds.add("REPORTER");
				partySince.add(ats[i]);
			}
			if (s.submitter() != null) {
				partyItems.add(item);
				partyOrgs.add(s.submitter().value());
				partyKinds.add("REPORTER");
				partySince.add(ats[i]);
			}
		}
		jdbc.sql("""
				INSERT INTO content_item_party (item_id, organisation_id, party, since)
				SELECT i, o, p, s FROM unnest(CAST(:items AS uuid[]), CAST(:orgs AS uuid[]), CAST(:parties AS text[]),
				  CAST(:since AS timestamptz[])) AS x(i, o, p, s)
				ON CONFLICT DO NOTHING""")
			.param("items", partyItems.toArray(UUID[]::new)).param("orgs", partyOrgs.toArray(UUID[]::new))
			.param("parties", partyKinds.toArray(String[]::new)).param("since", partySince.toArray(Timestamp[]::new))
			.update();
		addEvents(eventItems, eventKinds, eventOrgs, eventDetails, eventAts);
		List<UUID> hashItems = new ArrayList<>();
		List<String> algorithms = new ArrayList<>();
		List<String> values = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			for (MediaHash hash : sightings.get(i).hashes()) {
				hashItems.add(placements.get(i).item().value());
				algorithms.add(hash.algorithm().name());
				values.add(hash.value());
			}
		}
		if (!hashItems.isEmpty()) {
			jdbc.sql("""
					INSERT INTO content_item_hash (item_id, algorithm, value)
					SELECT * FROM unnest(CAST(:items AS uuid[]), CAST(:algorithms AS text[]), CAST(:values AS text[]))
					ON CONFLICT DO NOTHING""")
				.param("items", hashItems.toArray(UUID[]::new)).param("algorithms", algorithms.toArray(String[]::new))
				.param("values", values.toArray(String[]::new))
				.update();
		}
		return placements;
	}

	private void addEvents(List<UUID> items, List<String> kinds, List<UUID> orgs, List<String> details,
			List<Timestamp> ats) {
		if (items.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO content_item_event (item_id, at, organisation_id, kind, detail)
				SELECT i, a, o, k, d FROM unnest(CAST(:items AS uuid[]), CAST(:ats AS timestamptz[]), CAST(:orgs AS uuid[]),
				  CAST(:kinds AS text[]), CAST(:details AS text[])) AS x(i, a, o, k, d)""")
			.param("items", items.toArray(UUID[]::new)).param("ats", ats.toArray(Timestamp[]::new))
			.param("orgs", orgs.toArray(UUID[]::new)).param("kinds", kinds.toArray(String[]::new))
			.param("details", details.toArray(String[]::new))
			.update();
	}

	void addEvent(ItemId item, Instant at, @Nullable OrganisationId org, @Nullable UUID actor, String kind,
			@Nullable String detail) {
		jdbc.sql("""
				INSERT INTO content_item_event (item_id, at, organisation_id, actor, kind, detail)
				VALUES (:item, :at, :org, :actor, :kind, :detail)""")
			.param("item", item.value()).param("at", Timestamp.from(at))
			.param("org", org == null ? null : org.value()).param("actor", actor).param("kind", kind)
			.param("detail", detail)
			.update();
	}

	void addParty(ItemId item, OrganisationId org, String party, Instant since) {
		jdbc.sql("""
				INSERT INTO content_item_party (item_id, organisation_id, party, since) VALUES (:item, :org, :party, :since)
				ON CONFLICT DO NOTHING""")
			.param("item", item.value()).param("org", org.value()).param("party", party).param("since", Timestamp.from(since))
			.update();
	}

	/** The condition under which the caller sees an item (alias {@code i}): a party other than host, or platform-wide. */
	static Visibility.SqlCondition visibleTo(CallerContext caller) {
		Visibility visibility = caller.visibility();
		if (visibility.isPlatformWide()) {
			return new Visibility.SqlCondition("(i.tlp <> 'RED' OR EXISTS (SELECT 1 FROM content_item_party p "
					+ "WHERE p.item_id = i.id AND p.organisation_id = :visibility_org AND p.party <> 'HOST'))",
					Map.of("visibility_org", caller.organisationId().value()));
		}
		return new Visibility.SqlCondition("EXISTS (SELECT 1 FROM content_item_party p WHERE p.item_id = i.id "
				+ "AND p.organisation_id = :visibility_org AND p.party <> 'HOST')",
				Map.of("visibility_org", caller.organisationId().value()));
	}

	Optional<StoredItem> find(CallerContext caller, ItemId id) {
		Visibility.SqlCondition visible = visibleTo(caller);
		return jdbc.sql("SELECT i.* FROM content_item i WHERE i.id = :id AND " + visible.sql())
			.param("id", id.value())
			.params(visible.parameters())
			.query(ItemRepository::item)
			.optional();
	}

	/** For the system (deadline watch, forwarding): no visibility check. */
	Optional<StoredItem> findForSystem(ItemId id) {
		return jdbc.sql("SELECT i.* FROM content_item i WHERE i.id = :id").param("id", id.value())
			.query(ItemRepository::item).optional();
	}

	/** Locks the item's row for a change. */
	void lock(ItemId id) {
		jdbc.sql("SELECT id FROM content_item WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class).list();
	}

	record ItemFilter(@Nullable ItemStatus status, @Nullable String q, boolean handledOnly) {
	}

	Page<StoredItem> list(CallerContext caller, ItemFilter filter, PageRequest page) {
		Visibility.SqlCondition visible = visibleTo(caller);
		StringBuilder where = new StringBuilder(visible.sql());
		Map<String, Object> params = new LinkedHashMap<>(visible.parameters());
		if (filter.status() != null) {
			where.append(" AND i.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND i.url_key LIKE :q");
			params.put("q", "%" + filter.q().strip().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.handledOnly()) {
			where.append(" AND EXISTS (SELECT 1 FROM content_item_party h WHERE h.item_id = i.id "
					+ "AND h.organisation_id = :own_org AND h.party IN ('HANDLER', 'FORWARDED'))");
			params.put("own_org", caller.organisationId().value());
		}
		return PagedQuery.page(jdbc, "i.*", "content_item i", where.toString(), params, "i.reported_at DESC, i.id", page,
				ItemRepository::item);
	}

	/** The organisations taking part in the item and how. */
	List<Party> parties(ItemId id) {
		return jdbc.sql("""
				SELECT p.organisation_id, p.party, p.since FROM content_item_party p WHERE p.item_id = :id
				ORDER BY p.since, p.party""")
			.param("id", id.value())
			.query((rs, row) -> new Party(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
					rs.getString("party"), instant(rs, "since")))
			.list();
	}

	record Party(OrganisationId organisation, String party, Instant since) {
	}

	boolean isParty(ItemId id, OrganisationId org, Set<String> parties) {
		return jdbc.sql("""
				SELECT count(*) FROM content_item_party WHERE item_id = :id AND organisation_id = :org
				AND party = ANY(CAST(:parties AS text[]))""")
			.param("id", id.value()).param("org", org.value()).param("parties", parties.toArray(String[]::new))
			.query(Long.class).single() > 0;
	}

	record TimelineEntry(Instant at, @Nullable OrganisationId organisation, @Nullable UUID actor, String kind,
			@Nullable String detail) {
	}

	List<TimelineEntry> timeline(ItemId id) {
		return jdbc.sql("SELECT * FROM content_item_event WHERE item_id = :id ORDER BY at, id")
			.param("id", id.value())
			.query((rs, row) -> new TimelineEntry(instant(rs, "at"), orgOrNull(rs, "organisation_id"),
					rs.getObject("actor", UUID.class), rs.getString("kind"), rs.getString("detail")))
			.list();
	}

	record Source(String kind, UUID id, @Nullable String reference, @Nullable OrganisationId organisation,
			String urlAsGiven, Instant reportedAt) {
	}

	List<Source> sources(ItemId id) {
		return jdbc.sql("SELECT * FROM content_item_source WHERE item_id = :id ORDER BY reported_at")
			.param("id", id.value())
			.query((rs, row) -> new Source(rs.getString("source_kind"), rs.getObject("source_id", UUID.class),
					rs.getString("source_reference"), orgOrNull(rs, "organisation_id"), rs.getString("url_as_given"),
					instant(rs, "reported_at")))
			.list();
	}

	List<MediaHash> hashes(ItemId id) {
		return jdbc.sql("SELECT algorithm, value FROM content_item_hash WHERE item_id = :id ORDER BY algorithm, value")
			.param("id", id.value())
			.query((rs, row) -> new MediaHash(MediaHash.Algorithm.valueOf(rs.getString("algorithm")), rs.getString("value")))
			.list();
	}

	/** Items (of the given ones) that carry hashes, with their hashes. */
	Map<ItemId, List<MediaHash>> hashesOf(List<ItemId> items) {
		Map<ItemId, List<MediaHash>> result = new LinkedHashMap<>();
		if (items.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT item_id, algorithm, value FROM content_item_hash WHERE item_id = ANY(CAST(:ids AS uuid[]))")
			.param("ids", items.stream().map(ItemId::value).toArray(UUID[]::new))
			.query((rs, row) -> result.computeIfAbsent(new ItemId(rs.getObject("item_id", UUID.class)), k -> new ArrayList<>())
				.add(new MediaHash(MediaHash.Algorithm.valueOf(rs.getString("algorithm")), rs.getString("value"))))
			.list();
		return result;
	}

	void updateStatus(ItemId id, ItemStatus status, Instant now) {
		jdbc.sql("UPDATE content_item SET status = :status, updated_at = :now WHERE id = :id")
			.param("id", id.value()).param("status", status.name()).param("now", Timestamp.from(now))
			.update();
	}

	/** Records the current assessment on the item; the first one sets {@code assessed_at}. */
	void assessed(ItemId id, ContentCategory category, ItemStatus status, Instant now) {
		jdbc.sql("""
				UPDATE content_item SET category = :category, status = :status, assessed_at = COALESCE(assessed_at, :now),
				  updated_at = :now WHERE id = :id""")
			.param("id", id.value()).param("category", category.name()).param("status", status.name())
			.param("now", Timestamp.from(now))
			.update();
	}

	void recordHosting(ItemId id, HostingLocation location, Instant now) {
		jdbc.sql("""
				UPDATE content_item SET hosting_country = :country, host_provider = :provider, host_org = :hostOrg,
				  host_email = :email, host_language = :language, hosting_asn = :asn, hosting_network = :network,
				  hosting_addresses = CAST(:addresses AS text[]), behind_cdn = :cdn, hosting_source = :source,
				  hosting_recorded_at = :now, updated_at = :now
				WHERE id = :id""")
			.param("id", id.value())
			.param("country", location.country() == null ? null : location.country().value())
			.param("provider", location.provider())
			.param("hostOrg", location.hostOrganisation() == null ? null : location.hostOrganisation().value())
			.param("email", location.abuseEmail())
			.param("language", location.language())
			.param("asn", location.asn())
			.param("network", location.networkOwner())
			.param("addresses", location.addresses().toArray(String[]::new))
			.param("cdn", location.behindCdn())
			.param("source", location.source().name())
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The item is handled by another organisation from now on (it was forwarded there). */
	void handOver(ItemId id, OrganisationId to, Instant now) {
		jdbc.sql("""
				UPDATE content_item SET handler_org = :to, handled_since = :now, status = 'FORWARDED',
				  forwarded_at = COALESCE(forwarded_at, :now), updated_at = :now
				WHERE id = :id""")
			.param("id", id.value()).param("to", to.value()).param("now", Timestamp.from(now))
			.update();
	}

	void forwarded(ItemId id, Instant now) {
		jdbc.sql("""
				UPDATE content_item SET status = 'FORWARDED', forwarded_at = COALESCE(forwarded_at, :now), updated_at = :now
				WHERE id = :id""")
			.param("id", id.value()).param("now", Timestamp.from(now))
			.update();
	}

	/** Sets a milestone column once (the first time counts for the time to removal). */
	void milestone(ItemId id, String column, Instant at) {
		if (!Set.of("notice_sent_at", "acknowledged_at", "removed_at", "removal_seen_at").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		jdbc.sql("UPDATE content_item SET " + column + " = COALESCE(" + column + ", :at), updated_at = :at WHERE id = :id")
			.param("id", id.value()).param("at", Timestamp.from(at))
			.update();
	}

	void markBlockListCandidate(ItemId id, Instant now) {
		jdbc.sql("UPDATE content_item SET block_list_candidate = TRUE, updated_at = :now WHERE id = :id")
			.param("id", id.value()).param("now", Timestamp.from(now)).update();
	}

	static StoredItem item(ResultSet rs, int row) throws SQLException {
		java.sql.Array addresses = rs.getArray("hosting_addresses");
		String country = rs.getString("hosting_country");
		String category = rs.getString("category");
		long asn = rs.getLong("hosting_asn");
		boolean asnNull = rs.wasNull();
		Boolean cdn = (Boolean) rs.getObject("behind_cdn");
		String source = rs.getString("hosting_source");
		HostingLocation hosting = source == null ? null
				: new HostingLocation(country == null ? null : CountryCode.of(country), rs.getString("host_provider"),
						orgOrNull(rs, "host_org"), rs.getString("host_email"), rs.getString("host_language"),
						asnNull ? null : asn, rs.getString("hosting_network"),
						addresses == null ? List.of() : List.of((String[]) addresses.getArray()), Boolean.TRUE.equals(cdn),
						HostingLocation.Source.valueOf(source));
		return new StoredItem(new ItemId(rs.getObject("id", UUID.class)), rs.getString("url"), rs.getString("url_key"),
				rs.getString("host"), ReportedCategory.valueOf(rs.getString("reported_category")), Tlp.valueOf(rs.getString("tlp")),
				ItemStatus.valueOf(rs.getString("status")), new OrganisationId(rs.getObject("handler_org", UUID.class)),
				instant(rs, "handled_since"), category == null ? null : ContentCategory.valueOf(category), hosting,
				instant(rs, "reported_at"), instantOrNull(rs, "assessed_at"), instantOrNull(rs, "forwarded_at"),
				instantOrNull(rs, "notice_sent_at"), instantOrNull(rs, "acknowledged_at"), instantOrNull(rs, "removed_at"),
				instantOrNull(rs, "removal_seen_at"), rs.getBoolean("block_list_candidate"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	static @Nullable OrganisationId orgOrNull(ResultSet rs, String column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return id == null ? null : new OrganisationId(id);
	}
}
