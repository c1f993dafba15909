package eu.eccp.awareness.internal;

import static eu.eccp.shared.SqlTimes.at;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subscription e-mail outbox ({@code advisory_mail}): confirmation and advisory e-mails waiting to be sent,
 * claimed by a lease so that several nodes share the queue and an e-mail whose node died is sent again.
 */
@Repository
class MailOutboxRepository {

	/** An e-mail claimed for sending ({@code attempts} counts this one). */
	record Claimed(UUID id, UUID subscription, String kind, @Nullable String confirmToken, @Nullable UUID advisory,
			int attempts) {
	}

	private final JdbcClient jdbc;

	MailOutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues the confirmation e-mail of a subscription, due now (the token is cleared once it is sent). */
	void queueConfirmation(UUID subscription, String token, Instant now) {
		jdbc.sql("""
				INSERT INTO advisory_mail (id, subscription_id, kind, confirm_token, next_attempt_at)
				VALUES (:id, :subscription, 'CONFIRM', :token, :now)""")
			.param("id", UUID.randomUUID())
			.param("subscription", subscription)
			.param("token", token)
			.param("now", at(now))
			.update();
	}

	/**
	 * Queues an advisory's revision for every confirmed subscriber of one of the languages and of one of the
	 * countries (or of all countries), in one statement; a subscriber gets each revision once. How many were queued.
	 */
	int queueAdvisory(UUID advisory, int revision, String[] languages, String[] countries, Instant now) {
		return jdbc.sql("""
				INSERT INTO advisory_mail (id, subscription_id, kind, advisory_id, revision, next_attempt_at)
				SELECT gen_random_uuid(), s.id, 'ADVISORY', :advisory, :revision, :now
				FROM advisory_subscription s
				WHERE s.status = 'CONFIRMED' AND s.language = ANY(:languages)
				  AND (s.country IS NULL OR s.country = ANY(:countries))
				ON CONFLICT (subscription_id, advisory_id, revision) DO NOTHING""")
			.param("advisory", advisory)
			.param("revision", revision)
			.param("now", at(now))
			.param("languages", languages)
			.param("countries", countries)
			.update();
	}

	/** Claims up to {@code batch} due e-mails, leased until {@code leaseUntil} (skipping those another node holds). */
	List<Claimed> claim(int batch, Instant now, Instant leaseUntil) {
		return jdbc.sql("""
				UPDATE advisory_mail SET next_attempt_at = :lease, attempts = attempts + 1
				WHERE id IN (SELECT id FROM advisory_mail WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
				             ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED)
				RETURNING id, subscription_id, kind, confirm_token, advisory_id, attempts""")
			.param("now", at(now))
			.param("lease", at(leaseUntil))
			.param("batch", batch)
			.query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getObject(5, UUID.class), rs.getInt(6)))
			.list();
	}

	void markSent(UUID id, Instant now) {
		jdbc.sql("UPDATE advisory_mail SET sent_at = :now, confirm_token = NULL, last_error = NULL WHERE id = :id")
			.param("id", id)
			.param("now", at(now))
			.update();
	}

	/** Records a failed attempt: tried again at {@code next}, or given up ({@code last}). */
	void markAttemptFailed(UUID id, String error, Instant next, boolean last, Instant now) {
		jdbc.sql("""
				UPDATE advisory_mail SET next_attempt_at = :next, last_error = :error,
				  failed_at = CASE WHEN :last THEN :now ELSE NULL END, confirm_token = CASE WHEN :last THEN NULL ELSE confirm_token END
				WHERE id = :id""")
			.param("id", id)
			.param("next", at(next))
			.param("now", at(now))
			.param("last", last)
			.param("error", error)
			.update();
	}

	/** Gives the e-mail up without sending it (its subscription ended, its advisory is no longer public). */
	void markAbandoned(UUID id, String reason, Instant now) {
		jdbc.sql("UPDATE advisory_mail SET failed_at = :now, last_error = :reason, confirm_token = NULL WHERE id = :id")
			.param("id", id)
			.param("now", at(now))
			.param("reason", reason)
			.update();
	}
}
