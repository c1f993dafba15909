package eu.eccp.takedown.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class NoticeRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	NoticeRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	String nextReference(Instant now) {
		long n = jdbc.sql("SELECT nextval('takedown_notice_seq')").query(Long.class).single();
		return "TDN-" + now.toString().substring(0, 4) + "-" + String.format("%06d", n);
	}

	void insert(StoredNotice n) {
		jdbc.sql("""
				INSERT INTO takedown_notice (id, reference, item_id, kind, sender_org, sent_by, host_org, host_email, delivery,
				  language, category, fields, subject, body, xarf, status, sent_at, deadline_at, received_at, mail_status,
				  mail_next_attempt)
				VALUES (:id, :reference, :item, :kind, :sender, :sentBy, :host, :email, :delivery, :language, :category,
				  CAST(:fields AS jsonb), :subject, :body, CAST(:xarf AS jsonb), :status, :sentAt, :deadline, :received,
				  :mailStatus, :mailNext)""")
			.param("id", n.id()).param("reference", n.reference()).param("item", n.item().value())
			.param("kind", n.kind().name()).param("sender", n.sender().value()).param("sentBy", n.sentBy())
			.param("host", n.host() == null ? null : n.host().value()).param("email", n.hostEmail())
			.param("delivery", n.delivery().name()).param("language", n.language()).param("category", n.category().name())
			.param("fields", json.writeValueAsString(n.fields())).param("subject", n.subject()).param("body", n.body())
			.param("xarf", n.xarf()).param("status", n.status().name()).param("sentAt", Timestamp.from(n.sentAt()))
			.param("deadline", Timestamp.from(n.deadlineAt()))
			.param("received", n.receivedAt() == null ? null : Timestamp.from(n.receivedAt()))
			.param("mailStatus", n.mailStatus())
			.param("mailNext", n.mailStatus() == null ? null : Timestamp.from(n.sentAt()))
			.update();
	}

	/** A notice the caller may see: the sender's or the host's organisation, or platform-wide. */
	Optional<StoredNotice> find(CallerContext caller, UUID id) {
		return jdbc.sql("SELECT * FROM takedown_notice WHERE id = :id AND (:all OR sender_org = :org OR host_org = :org)")
			.param("id", id).param("all", caller.visibility().isPlatformWide()).param("org", caller.organisationId().value())
			.query(this::notice).optional();
	}

	Optional<StoredNotice> findForUpdate(UUID id) {
		return jdbc.sql("SELECT * FROM takedown_notice WHERE id = :id FOR UPDATE").param("id", id).query(this::notice).optional();
	}

	List<StoredNotice> ofItem(ItemId item) {
		return jdbc.sql("SELECT * FROM takedown_notice WHERE item_id = :item ORDER BY sent_at").param("item", item.value())
			.query(this::notice).list();
	}

	/** Notices addressed to the organisation (its inbox as host), newest first. */
	List<StoredNotice> addressedTo(OrganisationId host, int limit) {
		return jdbc.sql("SELECT * FROM takedown_notice WHERE host_org = :org ORDER BY sent_at DESC LIMIT :limit")
			.param("org", host.value()).param("limit", limit).query(this::notice).list();
	}

	List<StoredNotice> sentBy(OrganisationId sender, int limit) {
		return jdbc.sql("SELECT * FROM takedown_notice WHERE sender_org = :org ORDER BY sent_at DESC LIMIT :limit")
			.param("org", sender.value()).param("limit", limit).query(this::notice).list();
	}

	void answer(UUID id, StoredNotice.Answer answer, Instant at, @Nullable String text) {
		String set = switch (answer) {
			case RECEIPT -> "received_at = COALESCE(received_at, :at)";
			case ACKNOWLEDGE -> "status = 'ACKNOWLEDGED', acknowledged_at = COALESCE(acknowledged_at, :at), received_at = COALESCE(received_at, :at)";
			case REMOVED -> "status = 'REMOVED', removed_at = :at, received_at = COALESCE(received_at, :at)";
			case REFUSE -> "status = 'REFUSED', refused_at = :at, refusal_reason = :text, received_at = COALESCE(received_at, :at)";
			case COUNTER_NOTICE -> "counter_notice_at = :at, counter_notice = :text";
		};
		jdbc.sql("UPDATE takedown_notice SET " + set + " WHERE id = :id")
			.param("id", id).param("at", Timestamp.from(at)).param("text", text)
			.update();
	}

	/** Open notices past their deadline, not escalated yet, locked for this run (another node skips them). */
	List<StoredNotice> overdue(Instant now, int limit) {
		return jdbc.sql("""
				SELECT * FROM takedown_notice WHERE escalated_at IS NULL AND removed_at IS NULL
				  AND status IN ('SENT', 'ACKNOWLEDGED') AND deadline_at < :now
				ORDER BY deadline_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamp.from(now)).param("limit", limit).query(this::notice).list();
	}

	void escalated(UUID id, Instant at) {
		jdbc.sql("UPDATE takedown_notice SET escalated_at = :at WHERE id = :id AND escalated_at IS NULL")
			.param("id", id).param("at", Timestamp.from(at)).update();
	}

	/** Claims due e-mails: leased until {@code leaseUntil}, so a crashed node's claim is taken up again later. */
	List<StoredNotice> claimMail(Instant now, Instant leaseUntil, int limit) {
		List<StoredNotice> due = jdbc.sql("""
				SELECT * FROM takedown_notice WHERE mail_status = 'PENDING' AND mail_next_attempt <= :now
				ORDER BY mail_next_attempt LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamp.from(now)).param("limit", limit).query(this::notice).list();
		for (StoredNotice n : due) {
			jdbc.sql("UPDATE takedown_notice SET mail_next_attempt = :lease, mail_attempts = mail_attempts + 1 WHERE id = :id")
				.param("id", n.id()).param("lease", Timestamp.from(leaseUntil)).update();
		}
		return due;
	}

	void mailResult(UUID id, String status, @Nullable Instant retryAt, @Nullable String error) {
		jdbc.sql("UPDATE takedown_notice SET mail_status = :status, mail_next_attempt = :retry, mail_error = :error WHERE id = :id")
			.param("id", id).param("status", status).param("retry", retryAt == null ? null : Timestamp.from(retryAt))
			.param("error", error).update();
	}

	int mailAttempts(UUID id) {
		return jdbc.sql("SELECT mail_attempts FROM takedown_notice WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	private StoredNotice notice(ResultSet rs, int row) throws SQLException {
		UUID host = rs.getObject("host_org", UUID.class);
		return new StoredNotice(rs.getObject("id", UUID.class), rs.getString("reference"),
				new ItemId(rs.getObject("item_id", UUID.class)), StoredNotice.Kind.valueOf(rs.getString("kind")),
				new OrganisationId(rs.getObject("sender_org", UUID.class)), rs.getObject("sent_by", UUID.class),
				host == null ? null : new OrganisationId(host), rs.getString("host_email"),
				StoredNotice.Delivery.valueOf(rs.getString("delivery")), rs.getString("language"),
				ContentCategory.valueOf(rs.getString("category")),
				json.readValue(rs.getString("fields"), new TypeReference<Map<String, Object>>() {
				}), rs.getString("subject"), rs.getString("body"), rs.getString("xarf"),
				StoredNotice.Status.valueOf(rs.getString("status")), ItemRepository.instant(rs, "sent_at"),
				ItemRepository.instant(rs, "deadline_at"), ItemRepository.instantOrNull(rs, "received_at"),
				ItemRepository.instantOrNull(rs, "acknowledged_at"), ItemRepository.instantOrNull(rs, "removed_at"),
				ItemRepository.instantOrNull(rs, "refused_at"), rs.getString("refusal_reason"),
				ItemRepository.instantOrNull(rs, "counter_notice_at"), rs.getString("counter_notice"),
				ItemRepository.instantOrNull(rs, "escalated_at"), rs.getString("mail_status"));
	}
}
