package eu.eccp.blocklist.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.blocklist.isp.PublishedKey;

/** The public halves of the list-signing keys and their validity ({@code blocklist_signing_key}). */
@Repository
class SigningKeyRepository {

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every key ever published, oldest validity first. */
	List<PublishedKey> all() {
		return jdbc.sql("SELECT * FROM blocklist_signing_key ORDER BY valid_from, id")
			.query((rs, i) -> new PublishedKey(rs.getString("id"), rs.getBytes("public_key"), instant(rs, "valid_from"),
					instant(rs, "valid_until")))
			.list();
	}

	void insert(PublishedKey key, Instant now) {
		jdbc.sql("INSERT INTO blocklist_signing_key (id, public_key, valid_from, created_at) VALUES (:id, :key, :from, :now)")
			.param("id", key.id())
			.param("key", key.x509())
			.param("from", at(key.validFrom()))
			.param("now", at(now))
			.update();
	}

	/** Every other key still valid after {@code until} now ends then. */
	void endOthersAt(String keptId, Instant until) {
		jdbc.sql("UPDATE blocklist_signing_key SET valid_until = :until WHERE id <> :id AND (valid_until IS NULL OR valid_until > :until)")
			.param("until", at(until))
			.param("id", keptId)
			.update();
	}

	/** Serialises key creation and rotation across nodes for the rest of the transaction. */
	void lockForTransaction() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('eccp.blocklist.keys'))").query((rs, i) -> 1).list();
	}
}
