package eu.eccp.contactpoints.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.contactpoints.PreservationRequests;
import eu.eccp.contactpoints.RequestId;
import eu.eccp.contactpoints.RequestKind;
import eu.eccp.contactpoints.RequestStatus;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;
import eu.eccp.shared.Visibility;

/** Stores urgent requests and their identifiers; every listing is filtered by the caller's visibility. */
@Repository
class RequestRepository {

	private final JdbcClient jdbc;

	RequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String nextReference(Instant at) {
		long number = jdbc.sql("SELECT nextval('urgent_request_number')").query(Long.class).single();
		return "REQ-" + Year.from(at.atZone(ZoneOffset.UTC)) + "-" + String.format("%06d", number);
	}

	void insert(UrgentRequest request) {
		UrgentRequest.State s = request.state();
		RequestDetails d = s.details();
		jdbc.sql("""
				INSERT INTO urgent_request (id, reference, kind, urgent, status, requester_org, requester_user, recipient_org,
				  requesting_authority, offence, facts, data_sought, relation_to_offence, custodian, necessity, mla_follow_up,
				  threat_to_life, related_request, sent_at, acknowledge_due, fulfil_due)
				VALUES (:id, :reference, :kind, :urgent, :status, :requester, :requesterUser, :recipient, :authority, :offence,
				  :facts, :dataSought, :relation, :custodian, :necessity, :mla, :threat, :related, :sentAt, :ackDue, :fulfilDue)""")
			.param("id", s.id().value())
			.param("reference", s.reference())
			.param("kind", s.kind().name())
			.param("urgent", s.urgent())
			.param("status", s.status().name())
			.param("requester", s.requester().value())
			.param("requesterUser", s.requesterUser().value())
			.param("recipient", s.recipient().value())
			.param("authority", d.requestingAuthority())
			.param("offence", d.offence())
			.param("facts", d.facts())
			.param("dataSought", d.dataSought())
			.param("relation", d.relationToOffence())
			.param("custodian", d.custodian())
			.param("necessity", d.necessity())
			.param("mla", d.mlaFollowUp())
			.param("threat", d.threatToLife())
			.param("related", d.relatedRequest())
			.param("sentAt", at(s.sentAt()))
			.param("ackDue", at(s.acknowledgeDue()))
			.param("fulfilDue", at(s.fulfilDue()))
			.update();
		int position = 0;
		for (Identifier identifier : s.identifiers()) {
			jdbc.sql("""
					INSERT INTO urgent_request_identifier (request_id, position, type, value, service, observed_at, time_zone)
					VALUES (:id, :position, :type, :value, :service, :observedAt, :zone)""")
				.param("id", s.id().value())
				.param("position", position++)
				.param("type", identifier.type().name())
				.param("value", identifier.value())
				.param("service", identifier.service())
				.param("observedAt", at(identifier.observedAt()))
				.param("zone", identifier.timeZone())
				.update();
		}
	}

	/** Saves the changed state; fails if someone else changed the request since it was loaded. */
	void update(UrgentRequest request) {
		UrgentRequest.State s = request.state();
		int updated = jdbc.sql("""
				UPDATE urgent_request SET status = :status, acknowledged_at = :ackAt, acknowledged_by = :ackBy,
				  started_at = :startedAt, closed_at = :closedAt, closed_by = :closedBy, outcome_note = :note,
				  refusal_reason = :reason, preserved_until = :preservedUntil, extensions = :extensions,
				  reminded_for = :remindedFor, escalated_at = :escalatedAt, escalated_to = :escalatedTo, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("status", s.status().name())
			.param("ackAt", at(s.acknowledgedAt()))
			.param("ackBy", s.acknowledgedBy() == null ? null : s.acknowledgedBy().value())
			.param("startedAt", at(s.startedAt()))
			.param("closedAt", at(s.closedAt()))
			.param("closedBy", s.closedBy() == null ? null : s.closedBy().value())
			.param("note", s.outcomeNote())
			.param("reason", s.refusalReason())
			.param("preservedUntil", at(s.preservedUntil()))
			.param("extensions", s.extensions())
			.param("remindedFor", at(s.remindedFor()))
			.param("escalatedAt", at(s.escalatedAt()))
			.param("escalatedTo", s.escalatedTo())
			.param("id", s.id().value())
			.param("version", s.version())
			.update();
		if (updated != 1) {
			throw new ConflictException("The request was changed meanwhile; reload it and try again.");
		}
	}

	/** The request, if the caller may see it: requester, recipient, or platform-wide (admin, auditor). */
	Optional<UrgentRequest> find(RequestId id, Visibility visibility) {
		Visibility.SqlCondition seen = seenBy(visibility);
		return seen.bindTo(jdbc.sql("SELECT * FROM urgent_request WHERE id = :id AND " + seen.sql()))
			.param("id", id.value())
			.query((rs, n) -> request(rs))
			.optional();
	}

	/** Loads the request locked for a change (the scheduler and people may act at the same moment). */
	Optional<UrgentRequest> lockForChange(RequestId id) {
		return jdbc.sql("SELECT * FROM urgent_request WHERE id = :id FOR UPDATE").param("id", id.value())
			.query((rs, n) -> request(rs)).optional();
	}

	/** Requests the caller's organisation sent ({@code outgoing}) or received, overdue and escalated first. */
	List<UrgentRequest> list(OrganisationId organisation, boolean outgoing, Instant now, int limit) {
		return jdbc.sql("SELECT * FROM urgent_request WHERE " + (outgoing ? "requester_org" : "recipient_org") + """
				 = :org ORDER BY (status = 'SENT' AND acknowledge_due < :now) DESC, (escalated_at IS NOT NULL
				  AND status IN ('SENT', 'ACKNOWLEDGED', 'IN_PROGRESS')) DESC,
				  (status IN ('SENT', 'ACKNOWLEDGED', 'IN_PROGRESS') AND fulfil_due < :now) DESC, sent_at DESC LIMIT :limit""")
			.param("org", organisation.value())
			.param("now", at(now))
			.param("limit", limit)
			.query((rs, n) -> request(rs))
			.list();
	}

	/** Ids of sent requests whose acknowledgement is overdue and that were not escalated. */
	List<RequestId> overdueAcknowledgements(Instant now) {
		return jdbc.sql("""
				SELECT id FROM urgent_request WHERE status = 'SENT' AND escalated_at IS NULL AND acknowledge_due < :now
				ORDER BY acknowledge_due LIMIT 500""")
			.param("now", at(now)).query((rs, n) -> new RequestId(rs.getObject("id", UUID.class))).list();
	}

	/** Ids of preservations that lapse within {@code before} of {@code now} and whose reminder is not sent. */
	List<RequestId> lapsingPreservations(Instant now, java.time.Duration before) {
		return jdbc.sql("""
				SELECT id FROM urgent_request WHERE preserved_until IS NOT NULL AND preserved_until > :now
				  AND preserved_until <= :horizon AND (reminded_for IS NULL OR reminded_for <> preserved_until)
				ORDER BY preserved_until LIMIT 500""")
			.param("now", at(now)).param("horizon", at(now.plus(before)))
			.query((rs, n) -> new RequestId(rs.getObject("id", UUID.class))).list();
	}

	/** Records what on the platform the request was opened from (another module's record). */
	void addOrigin(RequestId id, PreservationRequests.Origin origin) {
		jdbc.sql("INSERT INTO urgent_request_origin (request_id, kind, reference, link) VALUES (:id, :kind, :reference, :link)")
			.param("id", id.value())
			.param("kind", origin.kind().name())
			.param("reference", origin.reference())
			.param("link", origin.link())
			.update();
	}

	/** What the request was opened from, if anything. */
	Optional<PreservationRequests.Origin> origin(RequestId id) {
		return jdbc.sql("SELECT kind, reference, link FROM urgent_request_origin WHERE request_id = :id")
			.param("id", id.value())
			.query((rs, n) -> new PreservationRequests.Origin(PreservationRequests.Origin.Kind.valueOf(rs.getString("kind")),
					rs.getString("reference"), rs.getString("link")))
			.optional();
	}

	static Visibility.SqlCondition seenBy(Visibility visibility) {
		if (visibility.isPlatformWide()) {
			return new Visibility.SqlCondition("TRUE", Map.of());
		}
		return new Visibility.SqlCondition("(requester_org = :visibility_org OR recipient_org = :visibility_org)",
				Map.of("visibility_org", visibility.caller().organisationId().value()));
	}

	private UrgentRequest request(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<Identifier> identifiers = jdbc.sql("SELECT * FROM urgent_request_identifier WHERE request_id = :id ORDER BY position")
			.param("id", id)
			.query((r, n) -> new Identifier(IdentifierType.valueOf(r.getString("type")), r.getString("value"),
					r.getString("service"), instant(r, "observed_at"), r.getString("time_zone")))
			.list();
		Object mla = rs.getObject("mla_follow_up");
		UrgentRequest.Sent sent = new UrgentRequest.Sent(new RequestId(id), rs.getString("reference"),
				RequestKind.valueOf(rs.getString("kind")), rs.getBoolean("urgent"),
				new UrgentRequest.Parties(new OrganisationId(rs.getObject("requester_org", UUID.class)),
						new UserId(rs.getObject("requester_user", UUID.class)),
						new OrganisationId(rs.getObject("recipient_org", UUID.class))),
				new RequestDetails(rs.getString("requesting_authority"), rs.getString("offence"), rs.getString("facts"),
						rs.getString("data_sought"), rs.getString("relation_to_offence"), rs.getString("custodian"),
						rs.getString("necessity"), mla == null ? null : (Boolean) mla, rs.getString("threat_to_life"),
						rs.getObject("related_request", UUID.class)),
				identifiers,
				new UrgentRequest.Deadlines(instant(rs, "sent_at"), instant(rs, "acknowledge_due"), instant(rs, "fulfil_due")));
		UrgentRequest.Progress progress = new UrgentRequest.Progress(RequestStatus.valueOf(rs.getString("status")),
				instant(rs, "acknowledged_at"), userId(rs, "acknowledged_by"), instant(rs, "started_at"),
				instant(rs, "closed_at"), userId(rs, "closed_by"), rs.getString("outcome_note"), rs.getString("refusal_reason"));
		return new UrgentRequest(new UrgentRequest.State(sent, progress,
				new UrgentRequest.Preservation(instant(rs, "preserved_until"), rs.getInt("extensions"), instant(rs, "reminded_for")),
				new UrgentRequest.Escalation(instant(rs, "escalated_at"), rs.getString("escalated_to")), rs.getInt("version")));
	}

	private static @Nullable UserId userId(ResultSet rs, String column) throws SQLException {
		UUID value = rs.getObject(column, UUID.class);
		return value == null ? null : new UserId(value);
	}
}
