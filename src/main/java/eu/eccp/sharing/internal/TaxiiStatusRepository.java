package eu.eccp.sharing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code sharing_taxii_status}: the status resources of objects added to writable collections, per organisation. */
@Repository
class TaxiiStatusRepository {

	/** A status as stored: its counts, and its TAXII body as JSON. */
	record Status(UUID id, UUID agreement, UUID organisation, Instant requestedAt, int total, int succeeded, int failed,
			String body) {
	}

	private final JdbcClient jdbc;

	TaxiiStatusRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Status s) {
		jdbc.sql("""
				INSERT INTO sharing_taxii_status (id, agreement_id, organisation_id, requested_at, total_count, success_count,
				  failure_count, body) VALUES (:id, :a, :org, :at, :total, :ok, :failed, :body)""")
			.param("id", s.id()).param("a", s.agreement()).param("org", s.organisation())
			.param("at", Timestamp.from(s.requestedAt())).param("total", s.total()).param("ok", s.succeeded())
			.param("failed", s.failed()).param("body", s.body())
			.update();
	}

	/** The body of a status of that organisation, if it has one with that id. */
	Optional<String> body(UUID id, UUID organisation) {
		return jdbc.sql("SELECT body FROM sharing_taxii_status WHERE id = :id AND organisation_id = :org")
			.param("id", id).param("org", organisation).query(String.class).optional();
	}
}
