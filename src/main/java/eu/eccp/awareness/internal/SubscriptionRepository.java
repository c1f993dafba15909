package eu.eccp.awareness.internal;

import static eu.eccp.shared.SqlTimes.at;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * E-mail subscriptions to public advisories ({@code advisory_subscription}): pending until confirmed, then confirmed
 * until unsubscribed. The confirmation token is kept only as a hash.
 */
@Repository
class SubscriptionRepository {

	/** A subscription that has not ended, for one address, language and country. */
	record Current(UUID id, boolean confirmed) {
	}

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The address's subscription for the language and country (null: all countries) unless it ended; locked. */
	Optional<Current> lockCurrent(String email, String language, @Nullable String country) {
		return jdbc.sql("""
				SELECT id, status FROM advisory_subscription
				WHERE lower(email) = lower(:email) AND language = :language AND COALESCE(country, '--') = COALESCE(:country, '--')
				  AND status <> 'UNSUBSCRIBED' FOR UPDATE""")
			.param("email", email)
			.param("language", language)
			.param("country", country)
			.query((rs, n) -> new Current(rs.getObject(1, UUID.class), "CONFIRMED".equals(rs.getString(2))))
			.optional();
	}

	void insertPending(UUID id, String email, String language, @Nullable String country, String confirmHash,
			String unsubscribeToken, Instant now) {
		jdbc.sql("""
				INSERT INTO advisory_subscription (id, email, language, country, status, confirm_hash, unsubscribe_token, created_at)
				VALUES (:id, :email, :language, :country, 'PENDING', :hash, :unsubscribe, :now)""")
			.param("id", id)
			.param("email", email)
			.param("language", language)
			.param("country", country)
			.param("hash", confirmHash)
			.param("unsubscribe", unsubscribeToken)
			.param("now", at(now))
			.update();
	}

	void replaceConfirmHash(UUID id, String confirmHash) {
		jdbc.sql("UPDATE advisory_subscription SET confirm_hash = :hash WHERE id = :id")
			.param("id", id)
			.param("hash", confirmHash)
			.update();
	}

	/** Confirms the pending subscription of the hash (which is used up); its id, empty when none waits for it. */
	Optional<UUID> confirm(String confirmHash, Instant now) {
		return jdbc.sql("""
				UPDATE advisory_subscription SET status = 'CONFIRMED', confirmed_at = :now, confirm_hash = NULL
				WHERE confirm_hash = :hash AND status = 'PENDING' RETURNING id""")
			.param("hash", confirmHash)
			.param("now", at(now))
			.query(UUID.class)
			.optional();
	}

	boolean pendingWith(String confirmHash) {
		return jdbc.sql("SELECT count(*) FROM advisory_subscription WHERE confirm_hash = :hash AND status = 'PENDING'")
			.param("hash", confirmHash)
			.query(Long.class)
			.single() > 0;
	}

	Optional<UUID> byUnsubscribeToken(String token) {
		return jdbc.sql("SELECT id FROM advisory_subscription WHERE unsubscribe_token = :token")
			.param("token", token)
			.query(UUID.class)
			.optional();
	}

	/** Ends the subscription; whether it had not ended yet. */
	boolean unsubscribe(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE advisory_subscription SET status = 'UNSUBSCRIBED', unsubscribed_at = :now, confirm_hash = NULL
				WHERE id = :id AND status <> 'UNSUBSCRIBED'""")
			.param("id", id)
			.param("now", at(now))
			.update() > 0;
	}

	Optional<SubscriptionMail.Subscription> find(UUID id) {
		return jdbc.sql("SELECT * FROM advisory_subscription WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new SubscriptionMail.Subscription(rs.getObject("id", UUID.class), rs.getString("email"),
					AdvisoryLanguage.parse(rs.getString("language")), rs.getString("country"), rs.getString("status"),
					rs.getString("unsubscribe_token")))
			.optional();
	}
}
