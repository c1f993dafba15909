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

	void insert(UUID id, UUID organisation, UUID user, String format, @Nullable String fileName, Instant now) {
		jdbc.sql("""
				INSERT INTO report_import_job (id, organisation_id, user_id, format, file_name, state, created_at)
				VALUES (:id, :org, :user, :format, :file, 'QUEUED', :now)""")
			.param("id", id)
			.param("org", organisation)
			.param("user", user)
			.param("format", format)
			.param("file", fileName)
			.param("now", SqlTimes.at(now))
			.update();
	}

	void progress(UUID id, String state, long rowsDone, long accepted, long rejected) {
		jdbc.sql("UPDATE report_import_job SET state = :s, rows_done = :d, accepted = :a, rejected = :r WHERE id = :id")
			.param("id", id)
			.param("s", state)
			.param("d", rowsDone)
			.param("a", accepted)
			.param("r", rejected)
			.update();
	}

	void finish(UUID id, String state, @Nullable String failure, Instant now) {
		jdbc.sql("UPDATE report_import_job SET state = :s, failure = :f, finished_at = :now WHERE id = :id")
			.param("id", id)
			.param("s", state)
			.param("f", failure)
			.param("now", SqlTimes.at(now))
			.update();
	}

	/** Jobs a restart interrupted: they are reported as failed, with what they had stored. */
	int failInterrupted(Instant now) {
		return jdbc.sql("""
				UPDATE report_import_job SET state = 'FAILED', finished_at = :now,
				  failure = 'interrupted by a restart of the platform after ' || rows_done || ' rows; the accepted rows are stored'
				WHERE state IN ('QUEUED', 'RUNNING')""")
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
				rs.getLong("accepted"), rs.getLong("rejected"), rs.getString("failure"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant());
	}
}
