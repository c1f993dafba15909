package eu.eccp.correlation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;

/**
 * Requests for access to another unit's record after a hit, and the grants they led to. A unit reads the
 * requests it made ({@link #outgoing}) and those made to it ({@link #incoming}), nothing else.
 */
@Repository
class AccessRequestRepository {

	/** A request as stored, with the kind and id of the record it is about. */
	record StoredRequest(UUID id, UUID requesterOrg, UUID ownerOrg, String recordKind, UUID recordId, String reason,
			String status, @Nullable String decisionNote, Instant createdAt, @Nullable Instant decidedAt) {
	}

	/** A correlation record's owner and marking, for the checks before a request is stored or granted. */
	record RecordOwner(long recordId, UUID ownerOrg, String tlp) {
	}

	private static final String SELECT = """
			SELECT a.*, r.source_kind, r.source_id FROM access_request a JOIN correlation_record r ON r.id = a.record_id
			""";

	private static final int LIMIT = 200;

	private final JdbcClient jdbc;

	AccessRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	RecordOwner ownerOf(long recordId) {
		return jdbc.sql("SELECT id, owner_org, tlp FROM correlation_record WHERE id = :id").param("id", recordId)
			.query((rs, n) -> new RecordOwner(rs.getLong("id"), rs.getObject("owner_org", UUID.class), rs.getString("tlp")))
			.single();
	}

	/** Stores a pending request; a second one of the same organisation for the same record is refused by the key. */
	void insert(UUID id, OrganisationId requester, UUID requesterUser, RecordOwner record, UUID hit, String reason,
			Instant now) {
		jdbc.sql("""
				INSERT INTO access_request (id, requester_org, requester_user, record_id, owner_org, hit_id, reason, status, created_at)
				VALUES (:id, :org, :user, :record, :owner, :hit, :reason, 'PENDING', :now)""")
			.param("id", id)
			.param("org", requester.value())
			.param("user", requesterUser)
			.param("record", record.recordId())
			.param("owner", record.ownerOrg())
			.param("hit", hit)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The requests made to an organisation, pending ones first, then the newest. */
	List<StoredRequest> incoming(OrganisationId owner) {
		return jdbc.sql(SELECT + " WHERE a.owner_org = :org ORDER BY a.status = 'PENDING' DESC, a.created_at DESC LIMIT :limit")
			.param("org", owner.value()).param("limit", LIMIT).query(AccessRequestRepository::request).list();
	}

	/** The requests an organisation made, newest first. */
	List<StoredRequest> outgoing(OrganisationId requester) {
		return jdbc.sql(SELECT + " WHERE a.requester_org = :org ORDER BY a.created_at DESC LIMIT :limit")
			.param("org", requester.value()).param("limit", LIMIT).query(AccessRequestRepository::request).list();
	}

	Optional<StoredRequest> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(AccessRequestRepository::request).optional();
	}

	String recordTlp(UUID requestId) {
		return jdbc.sql("SELECT r.tlp FROM access_request a JOIN correlation_record r ON r.id = a.record_id WHERE a.id = :id")
			.param("id", requestId).query(String.class).single();
	}

	/** Decides a pending request; a grant also makes the record visible to the requesting organisation. */
	void decide(UUID id, String decision, UUID by, @Nullable String note, Instant now) {
		jdbc.sql("""
				UPDATE access_request SET status = :s, decided_by = :user, decided_at = :now, decision_note = :note
				WHERE id = :id AND status = 'PENDING'""")
			.param("s", decision)
			.param("user", by)
			.param("now", Timestamp.from(now))
			.param("note", note)
			.param("id", id)
			.update();
		if (decision.equals("GRANTED")) {
			jdbc.sql("""
					INSERT INTO access_grant (organisation_id, record_id, granted_at, request_id)
					SELECT requester_org, record_id, :now, id FROM access_request WHERE id = :id
					ON CONFLICT DO NOTHING""")
				.param("now", Timestamp.from(now)).param("id", id).update();
		}
	}

	private static StoredRequest request(ResultSet rs, int n) throws SQLException {
		OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
		return new StoredRequest(rs.getObject("id", UUID.class), rs.getObject("requester_org", UUID.class),
				rs.getObject("owner_org", UUID.class), rs.getString("source_kind"), rs.getObject("source_id", UUID.class),
				rs.getString("reason"), rs.getString("status"), rs.getString("decision_note"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), decided == null ? null : decided.toInstant());
	}
}
