package eu.eccp.correlation.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
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
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * A unit's hits: which of its records matched, on which indicator, which country and organisation hold the
 * related record and whom to contact there (their 24/7 contact point). Never the other record's content.
 */
@Service
public class HitInbox implements eu.eccp.correlation.UnreadHits {

	static final Role[] RECIPIENTS = { Role.ANALYST, Role.COORDINATOR, Role.HOTLINE_ANALYST };

	private static final String SELECT = """
			SELECT h.*, r.source_kind, r.source_id, r.cluster_id, o.country AS other_country, o.owner_org AS other_owner,
			  v.type, v.value,
			  (SELECT a.status FROM access_request a WHERE a.hit_id = h.id ORDER BY a.created_at DESC LIMIT 1) AS access_status
			FROM hit h
			JOIN correlation_record r ON r.id = h.record_id
			JOIN correlation_record o ON o.id = h.other_record_id
			JOIN indicator_value v ON v.id = h.indicator_id
			""";

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

	@Transactional(readOnly = true)
	public Page<Views.HitView> hits(CallerContext caller, boolean unreadOnly, PageRequest page) {
		caller.requireAny(RECIPIENTS);
		String where = " WHERE h.organisation_id = :org" + (unreadOnly ? " AND h.read_at IS NULL" : "");
		long total = jdbc.sql("SELECT count(*) FROM hit h" + where).param("org", caller.organisationId().value())
			.query(Long.class).single();
		Map<UUID, OrganisationView> orgs = new HashMap<>();
		List<Views.HitView> items = jdbc.sql(SELECT + where + " ORDER BY h.created_at DESC, h.id LIMIT :limit OFFSET :offset")
			.param("org", caller.organisationId().value())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> view(rs, orgs))
			.list();
		return new Page<>(items, page.page(), page.size(), total);
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
		Views.HitView hit = find(caller, id).orElseThrow(() -> new RecordNotFoundException("hit"));
		if (hit.readAt() == null) {
			jdbc.sql("UPDATE hit SET read_at = :now WHERE id = :id").param("id", id).param("now", Timestamp.from(clock.instant()))
				.update();
		}
		audit.record(AuditEvent.of("hit.viewed", "hit", id));
		return hit;
	}

	Optional<Views.HitView> find(CallerContext caller, UUID id) {
		Map<UUID, OrganisationView> orgs = new HashMap<>();
		return jdbc.sql(SELECT + " WHERE h.id = :id AND h.organisation_id = :org")
			.param("id", id)
			.param("org", caller.organisationId().value())
			.query((rs, n) -> view(rs, orgs))
			.optional();
	}

	private Views.HitView view(java.sql.ResultSet rs, Map<UUID, OrganisationView> orgs) throws java.sql.SQLException {
		UUID otherOwner = rs.getObject("other_owner", UUID.class);
		String otherCountry = rs.getString("other_country");
		OrganisationView other = orgs.computeIfAbsent(otherOwner,
				o -> organisations.find(new OrganisationId(o)).orElse(null));
		Optional<OrganisationView> contact = CountryCode.isValid(otherCountry)
				? organisations.find(CountryCode.of(otherCountry), OrganisationType.CONTACT_POINT).stream().findFirst()
				: Optional.empty();
		OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
		return new Views.HitView(rs.getObject("id", UUID.class), rs.getString("source_kind"),
				rs.getObject("source_id", UUID.class), rs.getString("type"), rs.getString("value"), otherCountry,
				other == null ? "?" : other.name(), contact.map(OrganisationView::name).orElse(null),
				contact.map(c -> c.id().value()).orElse(null),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant(),
				rs.getLong("cluster_id"), rs.getString("access_status"));
	}
}
