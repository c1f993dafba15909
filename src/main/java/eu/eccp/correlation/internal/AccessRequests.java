package eu.eccp.correlation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.RecordAccessGranted;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;

/**
 * After a hit, a unit may ask the owner of the related record for access; the owner grants or declines.
 * A grant makes exactly that record visible to the requesting organisation (announced with
 * {@link RecordAccessGranted} for the module that owns the record). TLP:RED records are never granted.
 */
@Service
public class AccessRequests {

	private static final String SELECT = """
			SELECT a.*, r.source_kind, r.source_id FROM access_request a JOIN correlation_record r ON r.id = a.record_id
			""";

	private final JdbcClient jdbc;
	private final HitInbox hits;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccessRequests(JdbcClient jdbc, HitInbox hits, Organisations organisations, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.hits = hits;
		this.organisations = organisations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Asks for access to one of the records a hit names ({@code holder}, the handle of the hit's holder;
	 * optional when the hit names just one).
	 */
	@Transactional
	public Views.AccessRequestView request(CallerContext caller, UUID hitId, @Nullable String reason,
			@Nullable Long holder) {
		caller.requireAny(HitInbox.RECIPIENTS);
		Views.HitView hit = hits.findView(caller, hitId).orElseThrow(() -> new RecordNotFoundException("hit"));
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 5 || why.length() > 2_000) {
			throw new InvalidRequestException("reason", "validation.accessReason");
		}
		Long target = holder != null ? hit.holders().stream().map(Views.Holder::handle).filter(holder::equals).findFirst()
			.orElse(null) : hit.holders().size() == 1 ? hit.holders().get(0).handle() : null;
		if (target == null) {
			throw new InvalidRequestException("holder", "validation.accessHolder");
		}
		Map<String, Object> record = jdbc.sql("SELECT id, owner_org FROM correlation_record WHERE id = :id")
			.param("id", target).query().singleRow();
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					INSERT INTO access_request (id, requester_org, requester_user, record_id, owner_org, hit_id, reason, status, created_at)
					VALUES (:id, :org, :user, :record, :owner, :hit, :reason, 'PENDING', :now)""")
				.param("id", id)
				.param("org", caller.organisationId().value())
				.param("user", caller.userId().value())
				.param("record", record.get("id"))
				.param("owner", record.get("owner_org"))
				.param("hit", hitId)
				.param("reason", why)
				.param("now", Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("Your organisation has already asked for access to this record.");
		}
		audit.record(AuditEvent.of("access.requested", "access_request", id).withDetail("hit=" + hitId));
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Views.AccessRequestView> incoming(CallerContext caller) {
		caller.requireAny(HitInbox.RECIPIENTS);
		return list(" WHERE a.owner_org = :org ORDER BY a.status = 'PENDING' DESC, a.created_at DESC LIMIT 200", caller);
	}

	@Transactional(readOnly = true)
	public List<Views.AccessRequestView> outgoing(CallerContext caller) {
		caller.requireAny(HitInbox.RECIPIENTS);
		return list(" WHERE a.requester_org = :org ORDER BY a.created_at DESC LIMIT 200", caller);
	}

	@Transactional
	public Views.AccessRequestView grant(CallerContext caller, UUID id, @Nullable String note) {
		return decide(caller, id, "GRANTED", note);
	}

	@Transactional
	public Views.AccessRequestView decline(CallerContext caller, UUID id, @Nullable String note) {
		return decide(caller, id, "DECLINED", note);
	}

	private Views.AccessRequestView decide(CallerContext caller, UUID id, String decision, @Nullable String note) {
		caller.requireAny(HitInbox.RECIPIENTS);
		Views.AccessRequestView request = find(id).filter(r -> r.ownerId().equals(caller.organisationId().value()))
			.orElseThrow(() -> new RecordNotFoundException("access request"));
		if (!request.status().equals("PENDING")) {
			throw new ConflictException("This request was already " + request.status().toLowerCase() + ".");
		}
		String tlp = jdbc.sql("SELECT r.tlp FROM access_request a JOIN correlation_record r ON r.id = a.record_id WHERE a.id = :id")
			.param("id", id).query(String.class).single();
		if (decision.equals("GRANTED") && tlp.equals("RED")) {
			throw new ConflictException("TLP:RED records never leave their owner.");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE access_request SET status = :s, decided_by = :user, decided_at = :now, decision_note = :note
				WHERE id = :id AND status = 'PENDING'""")
			.param("s", decision)
			.param("user", caller.userId().value())
			.param("now", Timestamp.from(now))
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("id", id)
			.update();
		if (decision.equals("GRANTED")) {
			jdbc.sql("""
					INSERT INTO access_grant (organisation_id, record_id, granted_at, request_id)
					SELECT requester_org, record_id, :now, id FROM access_request WHERE id = :id
					ON CONFLICT DO NOTHING""")
				.param("now", Timestamp.from(now)).param("id", id).update();
			events.publishEvent(new RecordAccessGranted(request.recordKind(), request.recordId(),
					new OrganisationId(request.requesterId())));
		}
		audit.record(AuditEvent.of(decision.equals("GRANTED") ? "access.granted" : "access.declined", "access_request", id)
			.withDetail("to=" + request.requesterId()));
		return find(id).orElseThrow();
	}

	private List<Views.AccessRequestView> list(String where, CallerContext caller) {
		Map<UUID, String> names = new HashMap<>();
		return jdbc.sql(SELECT + where).param("org", caller.organisationId().value()).query((rs, n) -> view(rs, names)).list();
	}

	private Optional<Views.AccessRequestView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query((rs, n) -> view(rs, new HashMap<>())).optional();
	}

	private Views.AccessRequestView view(java.sql.ResultSet rs, Map<UUID, String> names) throws java.sql.SQLException {
		UUID requester = rs.getObject("requester_org", UUID.class);
		UUID owner = rs.getObject("owner_org", UUID.class);
		OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
		return new Views.AccessRequestView(rs.getObject("id", UUID.class), requester, name(requester, names),
				rs.getString("source_kind"), rs.getObject("source_id", UUID.class), owner, name(owner, names),
				rs.getString("reason"), rs.getString("status"), rs.getString("decision_note"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), decided == null ? null : decided.toInstant());
	}

	private String name(UUID org, Map<UUID, String> names) {
		return names.computeIfAbsent(org, o -> organisations.find(new OrganisationId(o)).map(OrganisationView::name).orElse("?"));
	}
}
