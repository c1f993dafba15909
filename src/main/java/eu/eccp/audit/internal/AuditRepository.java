package eu.eccp.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.audit.AuditRecord;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.Visibility;

/**
 * The audit trail's tables: entries recorded but not yet chained ({@code audit_pending}), the chain itself
 * ({@code audit_entry}, append-only) and its head ({@code audit_chain_head}, which only moves forward).
 */
@Repository
class AuditRepository {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;
	private final JdbcTemplate streaming;

	AuditRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, DataSource dataSource) {
		this.jdbc = jdbc;
		this.named = named;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(2_000);
	}

	/** The newest chained entry's sequence number and hash (0 and the genesis hash for an empty chain). */
	record ChainHead(long seq, String hash) {
	}

	/** An entry recorded but not yet chained. */
	record Pending(long id, Instant at, @Nullable UUID user, String username, @Nullable UUID org, String action,
			String objectType, @Nullable String objectId, @Nullable String detail, boolean personal,
			@Nullable String remote) {
	}

	/** Records entries to be chained, all at the same time, in one JDBC batch. */
	void addPending(List<AuditRecord> records, Instant at) {
		MapSqlParameterSource[] rows = new MapSqlParameterSource[records.size()];
		for (int i = 0; i < records.size(); i++) {
			AuditRecord record = records.get(i);
			rows[i] = new MapSqlParameterSource().addValue("at", SqlTimes.at(at))
				.addValue("userId", record.actor().userId() == null ? null : record.actor().userId().value())
				.addValue("username", record.actor().username())
				.addValue("orgId", record.actor().organisationId() == null ? null : record.actor().organisationId().value())
				.addValue("action", record.event().action())
				.addValue("objectType", record.event().objectType())
				.addValue("objectId", record.event().objectId())
				.addValue("detail", record.event().detail())
				.addValue("personal", record.event().personalData())
				.addValue("remote", record.remoteAddress());
		}
		named.batchUpdate("""
				INSERT INTO audit_pending (occurred_at, actor_user_id, actor_username, actor_org_id, action,
				  object_type, object_id, detail, personal_data, remote_address)
				VALUES (:at, :userId, :username, :orgId, :action, :objectType, :objectId, :detail, :personal, :remote)""",
				rows);
	}

	ChainHead head() {
		return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
			.query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
			.single();
	}

	/** The head, locked until the transaction ends: the one lock of a chaining pass, across nodes. */
	ChainHead lockHead() {
		return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
			.single();
	}

	/** The oldest pending entries, in the order they were recorded. */
	List<Pending> pending(int limit) {
		return jdbc.sql("SELECT * FROM audit_pending ORDER BY id LIMIT :n")
			.param("n", limit)
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getObject("actor_user_id", UUID.class), rs.getString("actor_username"),
					rs.getObject("actor_org_id", UUID.class), rs.getString("action"), rs.getString("object_type"),
					rs.getString("object_id"), rs.getString("detail"), rs.getBoolean("personal_data"),
					rs.getString("remote_address")))
			.list();
	}

	/**
	 * Appends chained entries and takes the pending ones they came from off the list, in one statement; the head
	 * moves in the next ({@link #moveHead}: its trigger checks the newest entry, which a statement's own
	 * sub-statements cannot see yet).
	 */
	void append(List<AuditEntry> entries, List<Long> pendingIds) {
		int size = entries.size();
		Long[] seqs = new Long[size];
		Timestamp[] times = new Timestamp[size];
		UUID[] users = new UUID[size];
		String[] usernames = new String[size];
		UUID[] orgs = new UUID[size];
		String[] actions = new String[size];
		String[] types = new String[size];
		String[] ids = new String[size];
		String[] details = new String[size];
		Boolean[] personal = new Boolean[size];
		String[] remotes = new String[size];
		String[] prevs = new String[size];
		String[] hashes = new String[size];
		for (int i = 0; i < size; i++) {
			AuditEntry e = entries.get(i);
			seqs[i] = e.seq();
			times[i] = Timestamp.from(e.occurredAt());
			users[i] = e.actorUserId();
			usernames[i] = e.actorUsername();
			orgs[i] = e.actorOrganisationId();
			actions[i] = e.action();
			types[i] = e.objectType();
			ids[i] = e.objectId();
			details[i] = e.detail();
			personal[i] = e.personalData();
			remotes[i] = e.remoteAddress();
			prevs[i] = e.previousHash();
			hashes[i] = e.hash();
		}
		jdbc.sql("""
				WITH chained AS (DELETE FROM audit_pending WHERE id = ANY (:chained))
				INSERT INTO audit_entry (seq, occurred_at, actor_user_id, actor_username, actor_org_id, action,
				  object_type, object_id, detail, personal_data, remote_address, prev_hash, hash)
				SELECT * FROM unnest(CAST(:seqs AS bigint[]), CAST(:times AS timestamptz[]), CAST(:users AS uuid[]),
				  CAST(:usernames AS text[]), CAST(:orgs AS uuid[]), CAST(:actions AS text[]), CAST(:types AS text[]),
				  CAST(:ids AS text[]), CAST(:details AS text[]), CAST(:personal AS boolean[]), CAST(:remotes AS text[]),
				  CAST(:prevs AS text[]), CAST(:hashes AS text[]))""")
			.param("seqs", seqs)
			.param("times", times)
			.param("users", users)
			.param("usernames", usernames)
			.param("orgs", orgs)
			.param("actions", actions)
			.param("types", types)
			.param("ids", ids)
			.param("details", details)
			.param("personal", personal)
			.param("remotes", remotes)
			.param("prevs", prevs)
			.param("hashes", hashes)
			.param("chained", pendingIds.toArray(Long[]::new))
			.update();
	}

	void moveHead(long seq, String hash) {
		jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
			.param("hash", hash)
			.update();
	}

	/** A page of chained entries matching the query, within what the caller may see, newest first. */
	Page<AuditEntry> search(Visibility.SqlCondition visible, AuditQuery query, PageRequest page) {
		Map<String, Object> params = new LinkedHashMap<>(visible.parameters());
		StringBuilder sql = new StringBuilder(visible.sql());
		if (query.actor() != null && !query.actor().isBlank()) {
			sql.append(" AND actor_username = :actor");
			params.put("actor", query.actor().strip().toLowerCase());
		}
		if (query.organisationId() != null) {
			sql.append(" AND actor_org_id = :org");
			params.put("org", query.organisationId());
		}
		if (query.action() != null && !query.action().isBlank()) {
			sql.append(" AND action LIKE :action");
			params.put("action", query.action().strip() + "%");
		}
		if (query.objectType() != null && !query.objectType().isBlank()) {
			sql.append(" AND object_type = :objectType");
			params.put("objectType", query.objectType().strip());
		}
		if (query.objectId() != null && !query.objectId().isBlank()) {
			sql.append(" AND object_id = :objectId");
			params.put("objectId", query.objectId().strip());
		}
		if (query.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", SqlTimes.at(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.put("to", SqlTimes.at(query.to()));
		}
		return PagedQuery.page(jdbc, "*", "audit_entry", sql.toString(), params, "seq DESC", page,
				(rs, n) -> entry(rs));
	}

	/** Every chained entry in order, streamed (call within a transaction, so the cursor is kept). */
	void streamInOrder(Consumer<AuditEntry> each) {
		streaming.query("SELECT * FROM audit_entry ORDER BY seq", rs -> {
			each.accept(entry(rs));
		});
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getObject("actor_user_id", UUID.class), rs.getString("actor_username"),
				rs.getObject("actor_org_id", UUID.class), rs.getString("action"), rs.getString("object_type"),
				rs.getString("object_id"), rs.getString("detail"), rs.getBoolean("personal_data"),
				rs.getString("remote_address"), rs.getString("prev_hash"), rs.getString("hash"));
	}
}
