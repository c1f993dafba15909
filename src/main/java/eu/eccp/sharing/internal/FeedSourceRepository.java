package eu.eccp.sharing.internal;

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

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code sharing_feed_source}: the TAXII sources, their cursors, leases and progress. */
@Repository
class FeedSourceRepository {

	/** A source as the puller needs it, credential included. */
	record Source(UUID id, UUID organisation, String name, String url, @Nullable String username, @Nullable String secret,
			String tlp, int intervalSeconds, int pageSize, boolean enabled, @Nullable String addedAfter, Instant nextRunAt,
			@Nullable Instant lastRunAt, @Nullable Instant lastSuccessAt, @Nullable String lastError, int failures,
			long pages, long received, long imported, long rejected, String lastRejections) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	FeedSourceRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(UUID id, UUID organisation, String name, String url, @Nullable String username, @Nullable String secret,
			String tlp, int interval, int pageSize, UUID createdBy, Instant now) {
		jdbc.sql("""
				INSERT INTO sharing_feed_source (id, organisation_id, name, url, username, secret, tlp, interval_seconds,
				  page_size, next_run_at, created_by, created_at)
				VALUES (:id, :org, :name, :url, :username, :secret, :tlp, :interval, :page, :now, :by, :now)""")
			.param("id", id).param("org", organisation).param("name", name).param("url", url).param("username", username)
			.param("secret", secret).param("tlp", tlp).param("interval", interval).param("page", pageSize)
			.param("now", Timestamp.from(now)).param("by", createdBy)
			.update();
	}

	List<Source> ofOrganisation(UUID organisation) {
		return jdbc.sql("SELECT * FROM sharing_feed_source WHERE organisation_id = :org ORDER BY created_at, id")
			.param("org", organisation).query((rs, n) -> source(rs)).list();
	}

	Optional<Source> find(UUID id) {
		return jdbc.sql("SELECT * FROM sharing_feed_source WHERE id = :id").param("id", id).query((rs, n) -> source(rs))
			.optional();
	}

	boolean delete(UUID id, UUID organisation) {
		return jdbc.sql("DELETE FROM sharing_feed_source WHERE id = :id AND organisation_id = :org").param("id", id)
			.param("org", organisation).update() == 1;
	}

	boolean runNow(UUID id, UUID organisation, Instant now) {
		return jdbc.sql("UPDATE sharing_feed_source SET next_run_at = :now WHERE id = :id AND organisation_id = :org")
			.param("id", id).param("org", organisation).param("now", Timestamp.from(now)).update() == 1;
	}

	/** Claims one due source for {@code lease} (skipping those another node holds); none when nothing is due. */
	Optional<Source> claimDue(Instant now, Instant leaseUntil) {
		return jdbc.sql("""
				UPDATE sharing_feed_source SET lease_until = :lease, last_run_at = :now
				WHERE id = (SELECT id FROM sharing_feed_source
				  WHERE enabled AND next_run_at <= :now AND (lease_until IS NULL OR lease_until < :now)
				  ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING *""")
			.param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil))
			.query((rs, n) -> source(rs)).optional();
	}

	/** After a page: the cursor moves, the counts grow and the lease is renewed. */
	void pageDone(UUID id, @Nullable String addedAfter, ImportReport report, Instant leaseUntil) {
		jdbc.sql("""
				UPDATE sharing_feed_source SET added_after = coalesce(:after, added_after), pages = pages + 1,
				  received = received + :received, imported = imported + :imported, rejected = rejected + :rejected,
				  lease_until = :lease
				WHERE id = :id""")
			.param("id", id).param("after", addedAfter).param("received", report.received())
			.param("imported", report.imported()).param("rejected", report.rejectedCount())
			.param("lease", Timestamp.from(leaseUntil))
			.update();
	}

	void succeeded(UUID id, Instant now, Instant nextRun, List<ImportReport.Rejection> rejections) {
		jdbc.sql("""
				UPDATE sharing_feed_source SET lease_until = NULL, last_success_at = :now, last_error = NULL, failures = 0,
				  next_run_at = :next, last_rejections = :rejections WHERE id = :id""")
			.param("id", id).param("now", Timestamp.from(now)).param("next", Timestamp.from(nextRun))
			.param("rejections", json.writeValueAsString(rejections))
			.update();
	}

	void failed(UUID id, String error, Instant nextRun) {
		jdbc.sql("""
				UPDATE sharing_feed_source SET lease_until = NULL, last_error = :error, failures = failures + 1,
				  next_run_at = :next WHERE id = :id""")
			.param("id", id).param("error", error.length() > 500 ? error.substring(0, 500) : error)
			.param("next", Timestamp.from(nextRun))
			.update();
	}

	FeedSourceView view(Source s) {
		List<ImportReport.Rejection> rejections = json.readValue(s.lastRejections(),
				new TypeReference<List<ImportReport.Rejection>>() {
				});
		return new FeedSourceView(s.id(), s.name(), s.url(), s.username(), s.secret() != null, s.tlp(), s.intervalSeconds(),
				s.pageSize(), s.enabled(), s.addedAfter(), s.nextRunAt(), s.lastRunAt(), s.lastSuccessAt(), s.lastError(),
				s.failures(), s.pages(), s.received(), s.imported(), s.rejected(), rejections);
	}

	private static Source source(ResultSet rs) throws SQLException {
		return new Source(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("name"),
				rs.getString("url"), rs.getString("username"), rs.getString("secret"), rs.getString("tlp"),
				rs.getInt("interval_seconds"), rs.getInt("page_size"), rs.getBoolean("enabled"), rs.getString("added_after"),
				rs.getTimestamp("next_run_at").toInstant(), instant(rs, "last_run_at"), instant(rs, "last_success_at"),
				rs.getString("last_error"), rs.getInt("failures"), rs.getLong("pages"), rs.getLong("received"),
				rs.getLong("imported"), rs.getLong("rejected"), rs.getString("last_rejections"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
