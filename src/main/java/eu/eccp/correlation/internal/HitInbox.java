package eu.eccp.correlation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.HitSummary;
import eu.eccp.correlation.Hits;
import eu.eccp.correlation.SourceRef;
import eu.eccp.correlation.UnreadHits;
import eu.eccp.indicators.Relation;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * A unit's hits: which of its records matched, on which indicator, which countries and organisations hold
 * related records and whom to contact there (their 24/7 contact point). Never the other records' content;
 * other organisations' TLP:RED records are never listed.
 */
@Service
public class HitInbox implements UnreadHits, Hits {

	static final Role[] RECIPIENTS = { Role.ANALYST, Role.COORDINATOR, Role.HOTLINE_ANALYST };

	private static final String COLUMNS = "h.*, r.source_kind, r.source_id, r.cluster_id, r.country AS own_country, v.type, v.value,"
			+ " (SELECT s.derivation FROM sighting s WHERE s.indicator_id = h.indicator_id AND s.record_id = h.record_id)"
			+ " AS own_derivation";

	private static final String FROM = """
			hit h
			JOIN correlation_record r ON r.id = h.record_id
			JOIN indicator_value v ON v.id = h.indicator_id""";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM " + FROM + " ";

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final Clock clock;

	HitInbox(JdbcClient jdbc, Organisations organisations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	private record Row(UUID id, String kind, UUID recordId, String type, String value, java.time.Instant createdAt,
			java.time.Instant readAt, long clusterId, int ownDerivation) {
	}

	@Transactional(readOnly = true)
	public Page<Views.HitView> hits(CallerContext caller, boolean unreadOnly, PageRequest page) {
		caller.requireAny(RECIPIENTS);
		Page<Row> rows = PagedQuery.page(jdbc, COLUMNS, FROM,
				"h.organisation_id = :org" + (unreadOnly ? " AND h.read_at IS NULL" : ""),
				Map.of("org", caller.organisationId().value()), "h.created_at DESC, h.id", page, (rs, n) -> row(rs));
		return new Page<>(withHolders(caller, rows.items()), rows.page(), rows.size(), rows.total());
	}

	@Override
	@Transactional(readOnly = true)
	public long unread(CallerContext caller) {
		return jdbc.sql("SELECT count(*) FROM hit WHERE organisation_id = :org AND read_at IS NULL")
			.param("org", caller.organisationId().value()).query(Long.class).single();
	}

	/** Opens a hit (marks it read; audited). */
	@Transactional
	public Views.HitView open(CallerContext caller, UUID id) {
		caller.requireAny(RECIPIENTS);
		Views.HitView hit = findView(caller, id).orElseThrow(() -> new RecordNotFoundException("hit"));
		if (hit.readAt() == null) {
			jdbc.sql("UPDATE hit SET read_at = :now WHERE id = :id").param("id", id).param("now", Timestamp.from(clock.instant()))
				.update();
		}
		audit.record(AuditEvent.of("hit.viewed", "hit", id));
		return hit;
	}

	/** The caller's organisation's hits on one of its records (for the record's own page). */
	@Transactional(readOnly = true)
	public List<Views.HitView> forRecord(CallerContext caller, String kind, UUID sourceId) {
		caller.requireAny(RECIPIENTS);
		List<Row> rows = jdbc.sql(SELECT + " WHERE h.organisation_id = :org AND r.source_kind = :kind AND r.source_id = :id"
				+ " ORDER BY h.created_at DESC LIMIT 200")
			.param("org", caller.organisationId().value())
			.param("kind", kind)
			.param("id", sourceId)
			.query((rs, n) -> row(rs))
			.list();
		return withHolders(caller, rows);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<HitSummary> find(CallerContext caller, UUID hitId) {
		return findView(caller, hitId).map(h -> new HitSummary(h.id(), new SourceRef(h.recordKind(), h.recordId()),
				h.indicatorType(), h.indicatorValue(), h.countries(), h.clusterId()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<SourceRef> visibleRecords(CallerContext caller, long clusterId) {
		var visible = RecordVisibility.visible(caller);
		return jdbc.sql("SELECT r.source_kind, r.source_id FROM correlation_record r WHERE r.cluster_id = :cluster AND "
				+ visible.sql() + " ORDER BY r.seen_at LIMIT 1000")
			.param("cluster", clusterId)
			.params(visible.parameters())
			.query((rs, n) -> new SourceRef(rs.getString("source_kind"), rs.getObject("source_id", UUID.class)))
			.list();
	}

	Optional<Views.HitView> findView(CallerContext caller, UUID id) {
		List<Row> rows = jdbc.sql(SELECT + " WHERE h.id = :id AND h.organisation_id = :org")
			.param("id", id)
			.param("org", caller.organisationId().value())
			.query((rs, n) -> row(rs))
			.list();
		return withHolders(caller, rows).stream().findFirst();
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
		return new Row(rs.getObject("id", UUID.class), rs.getString("source_kind"), rs.getObject("source_id", UUID.class),
				rs.getString("type"), rs.getString("value"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				read == null ? null : read.toInstant(), rs.getLong("cluster_id"), rs.getInt("own_derivation"));
	}

	/** Reads, for each hit, the records of other countries that carry its indicator (not others' TLP:RED). */
	private List<Views.HitView> withHolders(CallerContext caller, List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<Views.Holder>> holders = new HashMap<>();
		Map<UUID, Integer> ownDerivation = new HashMap<>();
		rows.forEach(r -> ownDerivation.put(r.id(), r.ownDerivation()));
		Map<UUID, OrganisationView> orgs = new HashMap<>();
		Map<String, Optional<OrganisationView>> contacts = new HashMap<>();
		jdbc.sql("""
				SELECT h.id AS hit_id, o.id, o.country, o.owner_org, o.seen_at, s.derivation,
				  (SELECT a.status FROM access_request a WHERE a.requester_org = :org AND a.record_id = o.id
				    ORDER BY a.created_at DESC LIMIT 1) AS access_status
				FROM hit h
				JOIN correlation_record mine ON mine.id = h.record_id
				JOIN sighting s ON s.indicator_id = h.indicator_id
				JOIN correlation_record o ON o.id = s.record_id
				WHERE h.id = ANY (CAST(:hits AS uuid[])) AND o.country <> mine.country AND o.tlp <> 'RED'
				ORDER BY COALESCE(s.derivation, 0), o.country, o.seen_at""")
			.param("org", caller.organisationId().value())
			.param("hits", rows.stream().map(Row::id).toArray(UUID[]::new))
			.query((rs, n) -> {
				int own = ownDerivation.getOrDefault(rs.getObject("hit_id", UUID.class), 0);
				int link = Math.max(own, rs.getInt("derivation"));
				UUID owner = rs.getObject("owner_org", UUID.class);
				String country = rs.getString("country");
				OrganisationView org = orgs.computeIfAbsent(owner, o -> organisations.find(new OrganisationId(o)).orElse(null));
				Optional<OrganisationView> contact = contacts.computeIfAbsent(country, c -> CountryCode.isValid(c)
						? organisations.find(CountryCode.of(c), OrganisationType.CONTACT_POINT).stream().findFirst()
						: Optional.empty());
				return holders.computeIfAbsent(rs.getObject("hit_id", UUID.class), k -> new ArrayList<>())
					.add(new Views.Holder(rs.getLong("id"), country, org == null ? "?" : org.name(),
							contact.map(OrganisationView::name).orElse(null),
							rs.getObject("seen_at", OffsetDateTime.class).toInstant(), rs.getString("access_status"),
							relation(link), weight(link)));
			})
			.list();
		return rows.stream().map(r -> {
			List<Views.Holder> of = holders.getOrDefault(r.id(), List.of());
			// the strongest link to any holder (holders come strongest first); without holders, the record's own
			int link = of.isEmpty() ? r.ownDerivation()
					: of.stream().mapToInt(h -> code(h.relation())).min().orElse(r.ownDerivation());
			return new Views.HitView(r.id(), r.kind(), r.recordId(), r.type(), r.value(), of, r.createdAt(), r.readAt(),
					r.clusterId(), relation(link), weight(link));
		}).toList();
	}

	/** A link's relation from the weaker of the two sightings' derivation codes (0: exact). */
	static String relation(int code) {
		return code == 0 ? Views.EXACT : Relation.ofCode(code).name();
	}

	static double weight(int code) {
		return code == 0 ? Relation.EXACT_WEIGHT : Relation.ofCode(code).weight();
	}

	private static int code(String relation) {
		return relation.equals(Views.EXACT) ? 0 : Relation.valueOf(relation).code();
	}
}
