package eu.eccp.blocklist.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.UserId;

/** Site owners' review requests against block-list entries ({@code blocklist_review}) and their answers. */
@Repository
class ReviewRepository {

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID entry, String contact, String message, Instant receivedAt, Instant answerDue) {
		jdbc.sql("""
				INSERT INTO blocklist_review (id, entry_id, contact, message, received_at, answer_due)
				VALUES (:id, :entry, :contact, :message, :now, :due)""")
			.param("id", id)
			.param("entry", entry)
			.param("contact", contact)
			.param("message", message)
			.param("now", at(receivedAt))
			.param("due", at(answerDue))
			.update();
	}

	/** Up to 500 requests (only unanswered ones if {@code openOnly}), unanswered first, by deadline; overdue at {@code now}. */
	List<ReviewRequests.ReviewView> list(boolean openOnly, Instant now) {
		return jdbc.sql("""
				SELECT r.*, e.reference_code FROM blocklist_review r JOIN blocklist_entry e ON e.id = r.entry_id
				WHERE (NOT :open OR r.answered_at IS NULL) ORDER BY r.answered_at IS NOT NULL, r.answer_due LIMIT 500""")
			.param("open", openOnly)
			.query((rs, i) -> {
				Instant due = instant(rs, "answer_due");
				Instant answered = instant(rs, "answered_at");
				String outcome = rs.getString("outcome");
				return new ReviewRequests.ReviewView(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
						rs.getString("reference_code"), rs.getString("contact"), rs.getString("message"),
						instant(rs, "received_at"), due, answered == null && due.isBefore(now), answered,
						outcome == null ? null : ReviewRequests.Outcome.valueOf(outcome), rs.getString("answer"));
			})
			.list();
	}

	/** Locks an unanswered request for the rest of the transaction; returns its entry (empty: unknown or answered). */
	Optional<UUID> lockUnanswered(UUID id) {
		return jdbc.sql("SELECT entry_id FROM blocklist_review WHERE id = :id AND answered_at IS NULL FOR UPDATE")
			.param("id", id)
			.query(UUID.class)
			.optional();
	}

	void answer(UUID id, Instant at, UserId by, ReviewRequests.Outcome outcome, String answer) {
		jdbc.sql("""
				UPDATE blocklist_review SET answered_at = :at, answered_by = :by, outcome = :outcome, answer = :answer
				WHERE id = :id""")
			.param("at", at(at))
			.param("by", by.value())
			.param("outcome", outcome.name())
			.param("answer", answer)
			.param("id", id)
			.update();
	}

	boolean exists(UUID id) {
		return jdbc.sql("SELECT count(*) FROM blocklist_review WHERE id = :id").param("id", id).query(Long.class).single() > 0;
	}
}
