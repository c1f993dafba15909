package eu.eccp.hosting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operator's table of who answers for a network ({@code hosting_network_contact}), one row per AS number. */
@Repository
class NetworkContactRepository {

	/** A row as written: the organisation is a platform organisation's id. */
	record ContactRow(long asn, String name, @Nullable String abuseEmail, @Nullable UUID organisation, @Nullable String note) {
	}

	/** A row as stored. */
	record StoredContact(ContactRow row, Instant updatedAt) {
	}

	private static final String SELECT = """
			SELECT c.asn, c.name, c.abuse_email, c.organisation_id, c.note, c.updated_at
			FROM hosting_network_contact c""";

	private final JdbcClient jdbc;

	NetworkContactRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredContact> all() {
		return jdbc.sql(SELECT + " ORDER BY c.asn").query(NetworkContactRepository::stored).list();
	}

	Optional<StoredContact> find(long asn) {
		return jdbc.sql(SELECT + " WHERE c.asn = :asn").param("asn", asn).query(NetworkContactRepository::stored).optional();
	}

	/** Writes the row, replacing the row of its AS number. */
	void save(ContactRow row, @Nullable UUID by, Instant at) {
		jdbc.sql("""
				INSERT INTO hosting_network_contact (asn, name, abuse_email, organisation_id, note, updated_at, updated_by)
				VALUES (:asn, :name, :email, :org, :note, :at, :by)
				ON CONFLICT (asn) DO UPDATE SET name = EXCLUDED.name, abuse_email = EXCLUDED.abuse_email,
				  organisation_id = EXCLUDED.organisation_id, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at,
				  updated_by = EXCLUDED.updated_by""")
			.param("asn", row.asn()).param("name", row.name()).param("email", row.abuseEmail())
			.param("org", row.organisation()).param("note", row.note())
			.param("at", Timestamp.from(at)).param("by", by)
			.update();
	}

	/** Whether there was a row to delete. */
	boolean delete(long asn) {
		return jdbc.sql("DELETE FROM hosting_network_contact WHERE asn = :asn").param("asn", asn).update() > 0;
	}

	private static StoredContact stored(ResultSet rs, int n) throws SQLException {
		return new StoredContact(new ContactRow(rs.getLong("asn"), rs.getString("name"), rs.getString("abuse_email"),
				rs.getObject("organisation_id", UUID.class), rs.getString("note")), rs.getTimestamp("updated_at").toInstant());
	}
}
