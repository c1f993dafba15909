package eu.eccp.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.Page;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.PageRequest;

@Repository
class ImportJobRepository {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;

	ImportJobRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	void insert(UUID id, UUID organisation, UUID user, String userName, String format, @Nullable String fileName,
			Instant now, String node, Instant leaseUntil) {
		jdbc.sql("""
				INSERT INTO report_import_job (id, organisation_id, user_id, user_name, format, file_name, state, created_at,
				  lease_owner, lease_until)
				VALUES (:id, :org, :user, :userName, :format, :file, 'QUEUED', :now, :node, :until)""")
			.param("id", id)
			.param("org", organisation)
			.param("user", user)
			.param("userName", userName)
			.param("format", format)
			.param("file", fileName)
			.param("now", SqlTimes.at(now))
			.param("node", node)
			.param("until", SqlTimes.at(leaseUntil))
			.update();
	}

	/** Who started a job: their organisation, user id and name (reports are submitted, and audited, as them). */
	record Submitter(eu.eccp.shared.OrganisationId organisation, UUID user, String userName) {
	}

	Optional<Submitter> submitter(UUID id) {
		return jdbc.sql("SELECT organisation_id, user_id, user_name FROM report_import_job WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Submitter(new eu.eccp.shared.OrganisationId(rs.getObject(1, UUID.class)),
					rs.getObject(2, UUID.class), rs.getString(3) == null ? "import" : rs.getString(3)))
			.optional();
	}

	void progress(UUID id, String state, long rowsDone, long accepted, long rejected, long queued) {
		jdbc.sql("""
				UPDATE report_import_job SET state = :s, rows_done = :d, accepted = :a, rejected = :r, queued = :q
				WHERE id = :id""")
			.param("id", id)
			.param("s", state)
			.param("d", rowsDone)
			.param("a", accepted)
			.param("r", rejected)
			.param("q", queued)
			.update();
	}

	void addExtracted(UUID id, int reports) {
		jdbc.sql("UPDATE report_import_job SET extracted = extracted + :n WHERE id = :id").param("id", id).param("n", reports)
			.update();
	}

	void addCorrelated(UUID id, int reports) {
		jdbc.sql("UPDATE report_import_job SET correlated = correlated + :n WHERE id = :id").param("id", id)
			.param("n", reports)
			.update();
	}

	/** Takes over a job whose node has gone (its lease ran out); false when a live node holds it. */
	boolean takeOver(UUID id, String node, Instant now, Instant until) {
		return jdbc.sql("""
				UPDATE report_import_job SET lease_owner = :node, lease_until = :until, resumed = resumed + 1
				WHERE id = :id AND state IN ('QUEUED', 'RUNNING') AND (lease_until IS NULL OR lease_until < :now)""")
			.param("id", id)
			.param("node", node)
			.param("now", SqlTimes.at(now))
			.param("until", SqlTimes.at(until))
			.update() == 1;
	}

	/** Renews this node's leases on the jobs it holds; returns the jobs it still holds. */
	List<UUID> renew(java.util.Collection<UUID> ids, String node, Instant until) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				UPDATE report_import_job SET lease_until = :until
				WHERE id = ANY (:ids) AND lease_owner = :node AND state IN ('QUEUED', 'RUNNING') RETURNING id""")
			.param("ids", ids.toArray(UUID[]::new))
			.param("node", node)
			.param("until", SqlTimes.at(until))
			.query(UUID.class)
			.list();
	}

	/** Gives a job back for another start to resume at once (this node is stopping). */
	void releaseLease(UUID id, String node) {
		jdbc.sql("UPDATE report_import_job SET lease_until = NULL WHERE id = :id AND lease_owner = :node")
			.param("id", id)
			.param("node", node)
			.update();
	}

	void addHits(UUID id, long hits) {
		jdbc.sql("UPDATE report_import_job SET hits = hits + :n WHERE id = :id").param("id", id).param("n", hits).update();
	}

	/** Jobs still to run or to finish whose node has gone (their lease ran out), oldest first. */
	List<ImportJob> orphaned(Instant now) {
		return jdbc.sql("""
				SELECT * FROM report_import_job WHERE state IN ('QUEUED', 'RUNNING')
				  AND (lease_until IS NULL OR lease_until < :now) ORDER BY created_at""")
			.param("now", SqlTimes.at(now))
			.query(this::map)
			.list();
	}

	void finish(UUID id, String state, @Nullable String failure, Instant now) {
		jdbc.sql("UPDATE report_import_job SET state = :s, failure = :f, finished_at = :now WHERE id = :id")
			.param("id", id)
			.param("s", state)
			.param("f", failure)
			.param("now", SqlTimes.at(now))
			.update();
	}

	void reject(UUID job, List<ImportRejection> rejections) {
		if (rejections.isEmpty()) {
			return;
		}
		named.batchUpdate("INSERT INTO report_import_rejection (job_id, line, reason) VALUES (:job, :line, :reason)",
				rejections.stream()
					.map(r -> new MapSqlParameterSource().addValue("job", job)
						.addValue("line", r.line())
						.addValue("reason", r.reason().length() > 500 ? r.reason().substring(0, 500) : r.reason()))
					.toArray(MapSqlParameterSource[]::new));
	}

	Optional<ImportJob> find(UUID id) {
		return jdbc.sql("SELECT * FROM report_import_job WHERE id = :id").param("id", id).query(this::map).optional();
	}

	Page<ImportRejection> rejections(UUID job, PageRequest page) {
		return PagedQuery.page(jdbc, "line, reason", "report_import_rejection", "job_id = :job", java.util.Map.of("job", job),
				"line", page, (rs, n) -> new ImportRejection(rs.getLong(1), rs.getString(2)));
	}

	private ImportJob map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new ImportJob(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getString("format"), rs.getString("file_name"), rs.getString("state"), rs.getLong("rows_done"),
				rs.getLong("accepted"), rs.getLong("rejected"), rs.getLong("queued"), rs.getLong("extracted"),
				rs.getLong("correlated"), rs.getLong("hits"), rs.getInt("resumed"), rs.getString("failure"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant());
	}
}
