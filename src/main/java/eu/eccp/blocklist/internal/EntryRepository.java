package eu.eccp.blocklist.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.ConflictException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/** Stores block-list entries and their countries. */
@Repository
class EntryRepository {

	private final JdbcClient jdbc;

	EntryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Entry e) {
		try {
			jdbc.sql("""
					INSERT INTO blocklist_entry (id, reference_code, source_item, url, expression, expression_hash, host_key,
					  whole_host, host, category, reason_code, stop_text_en, stop_text_fr, stop_text_de, status, proposed_by,
					  proposed_by_org, proposed_at)
					VALUES (:id, :ref, :source, :url, :expression, :hash, :hostKey, :wholeHost, :host, :category, :reason,
					  :en, :fr, :de, :status, :by, :org, :at)""")
				.param("id", e.id())
				.param("ref", e.referenceCode())
				.param("source", e.sourceItem())
				.param("url", e.url())
				.param("expression", e.expression())
				.param("hash", e.expressionHash())
				.param("hostKey", e.hostKey())
				.param("wholeHost", e.wholeHost())
				.param("host", e.host())
				.param("category", e.category())
				.param("reason", e.reasonCode())
				.param("en", e.stopTextEn())
				.param("fr", e.stopTextFr())
				.param("de", e.stopTextDe())
				.param("status", e.status().name())
				.param("by", e.proposedBy().value())
				.param("org", e.proposedByOrg().value())
				.param("at", at(e.proposedAt()))
				.update();
		}
		catch (DuplicateKeyException duplicate) {
			throw new ConflictException("this URL expression is already proposed or on the list");
		}
		for (String country : e.countries()) {
			jdbc.sql("INSERT INTO blocklist_entry_country (entry_id, country) VALUES (:id, :country)")
				.param("id", e.id())
				.param("country", country)
				.update();
		}
	}

	private static final String SELECT = """
			SELECT e.*, (SELECT string_agg(c.country, ',') FROM blocklist_entry_country c WHERE c.entry_id = e.id) AS countries
			FROM blocklist_entry e""";

	Optional<Entry> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(EntryRepository::map).optional();
	}

	/** The entry, locked for a change of status. */
	Optional<Entry> lock(UUID id) {
		jdbc.sql("SELECT id FROM blocklist_entry WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class).optional();
		return find(id);
	}

	Optional<Entry> findByReference(String referenceCode) {
		return jdbc.sql(SELECT + " WHERE e.reference_code = :ref").param("ref", referenceCode).query(EntryRepository::map).optional();
	}

	/** Entries by status (all statuses when null), newest first; {@code org} limits them to one organisation's proposals. */
	List<Entry> list(@Nullable EntryStatus status, @Nullable OrganisationId org, int limit, int offset) {
		String where = " WHERE (CAST(:status AS TEXT) IS NULL OR e.status = :status)"
				+ " AND (CAST(:org AS UUID) IS NULL OR e.proposed_by_org = :org)";
		return jdbc.sql(SELECT + where + " ORDER BY e.proposed_at DESC, e.id LIMIT :limit OFFSET :offset")
			.param("status", status == null ? null : status.name())
			.param("org", org == null ? null : org.value())
			.param("limit", limit)
			.param("offset", offset)
			.query(EntryRepository::map)
			.list();
	}

	void decide(UUID id, EntryStatus status, UserId by, Instant at, @Nullable Instant firstCheck) {
		jdbc.sql("""
				UPDATE blocklist_entry SET status = :status, decided_by = :by, decided_at = :at, next_check_at = :check,
				  last_seen_online = :at
				WHERE id = :id""")
			.param("status", status.name())
			.param("by", by.value())
			.param("at", at(at))
			.param("check", at(firstCheck))
			.param("id", id)
			.update();
	}

	void end(UUID id, EntryStatus status, Instant at, String reason) {
		jdbc.sql("UPDATE blocklist_entry SET status = :status, ended_at = :at, end_reason = :reason, next_check_at = NULL WHERE id = :id")
			.param("status", status.name())
			.param("at", at(at))
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	/** A published entry due a removal check, claimed by moving its next check past the lease. */
	record DueCheck(UUID id, String url) {
	}

	List<DueCheck> claimDueChecks(Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql("""
				UPDATE blocklist_entry SET next_check_at = :lease
				WHERE id IN (SELECT id FROM blocklist_entry WHERE status = 'PUBLISHED' AND next_check_at <= :now
				             ORDER BY next_check_at LIMIT :limit FOR UPDATE SKIP LOCKED)
				RETURNING id, url""")
			.param("lease", at(leaseUntil))
			.param("now", at(now))
			.param("limit", limit)
			.query((rs, i) -> new DueCheck(rs.getObject("id", UUID.class), rs.getString("url")))
			.list();
	}

	/** Records a check's result; returns the entry's gone count afterwards. */
	int recordCheck(UUID id, boolean online, boolean gone, Instant at, Instant nextCheck) {
		return jdbc.sql("""
				UPDATE blocklist_entry SET last_checked_at = :at, next_check_at = :next,
				  checks_gone = CASE WHEN :online THEN 0 WHEN :gone THEN checks_gone + 1 ELSE checks_gone END,
				  last_seen_online = CASE WHEN :online THEN :at ELSE last_seen_online END
				WHERE id = :id AND status = 'PUBLISHED'
				RETURNING checks_gone""")
			.param("at", at(at))
			.param("next", at(nextCheck))
			.param("online", online)
			.param("gone", gone)
			.param("id", id)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	Optional<Instant> lastSeenOnline(UUID id) {
		return jdbc.sql("SELECT last_seen_online FROM blocklist_entry WHERE id = :id")
			.param("id", id)
			.query((rs, i) -> Optional.ofNullable(instant(rs, "last_seen_online")))
			.optional()
			.flatMap(o -> o);
	}

	static Entry map(ResultSet rs, int row) throws SQLException {
		String countries = rs.getString("countries");
		Set<String> set = countries == null ? Set.of()
				: new TreeSet<>(Arrays.stream(countries.split(",")).collect(Collectors.toSet()));
		String decidedBy = rs.getString("decided_by");
		return new Entry(rs.getObject("id", UUID.class), rs.getString("reference_code"), rs.getString("source_item"),
				rs.getString("url"), rs.getString("expression"), rs.getBytes("expression_hash"), rs.getInt("host_key"),
				rs.getBoolean("whole_host"), rs.getString("host"), rs.getString("category"), rs.getString("reason_code"),
				rs.getString("stop_text_en"), rs.getString("stop_text_fr"), rs.getString("stop_text_de"),
				EntryStatus.valueOf(rs.getString("status")), UserId.parse(rs.getString("proposed_by")),
				OrganisationId.parse(rs.getString("proposed_by_org")), instant(rs, "proposed_at"),
				decidedBy == null ? null : UserId.parse(decidedBy), instant(rs, "decided_at"), instant(rs, "ended_at"),
				rs.getString("end_reason"), set, rs.getInt("checks_gone"), instant(rs, "last_checked_at"),
				instant(rs, "last_seen_online"));
	}
}
