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

/**
 * {@code sharing_feed_source}: the TAXII and MISP sources, their cursors, leases and progress (credentials sealed by
 * {@link FeedCredentials}), and {@code sharing_feed_misp_event}: the MISP events already imported.
 */
@Repository
class FeedSourceRepository {

	/** A source as the puller needs it, credential included (sealed). */
	record Source(UUID id, UUID organisation, String kind, String name, String url, @Nullable String username,
			byte @Nullable [] secretSealed, @Nullable String secretHint, String tlp,
			int intervalSeconds, int pageSize, boolean enabled, @Nullable String addedAfter, Instant nextRunAt,
			@Nullable Instant lastRunAt, @Nullable Instant lastSuccessAt, @Nullable String lastError,
			@Nullable String lastErrorCode, @Nullable String lastErrorArg, int failures,
			long pages, long received, long imported, long rejected, String lastRejections) {

		boolean hasSecret() {
			return secretSealed != null;
		}

		boolean isMisp() {
			return "MISP".equals(kind);
		}
	}

	/** What a change sets (a null secret keeps the stored one; {@code clearSecret} removes it). */
	record Change(String kind, String name, String url, @Nullable String username, byte @Nullable [] secretSealed,
			@Nullable String secretHint, boolean clearSecret, String tlp, int interval, int pageSize, boolean enabled,
			boolean resetCursor) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	FeedSourceRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(UUID id, UUID organisation, Change c, UUID createdBy, Instant now) {
		jdbc.sql("""
				INSERT INTO sharing_feed_source (id, organisation_id, kind, name, url, username, secret_sealed, secret_hint,
				  tlp, interval_seconds, page_size, enabled, next_run_at, created_by, created_at, updated_at)
				VALUES (:id, :org, :kind, :name, :url, :username, :sealed, :hint, :tlp, :interval, :page, :enabled, :now, :by,
				  :now, :now)""")
			.param("id", id).param("org", organisation).param("kind", c.kind()).param("name", c.name()).param("url", c.url())
			.param("username", c.username()).param("sealed", c.secretSealed()).param("hint", c.secretHint())
			.param("tlp", c.tlp()).param("interval", c.interval()).param("page", c.pageSize()).param("enabled", c.enabled())
			.param("now", Timestamp.from(now)).param("by", createdBy)
			.update();
	}

	/** Changes a source of the organisation; false when it has none with that id. */
	boolean update(UUID id, UUID organisation, Change c, Instant now) {
		boolean updated = jdbc.sql("""
				UPDATE sharing_feed_source SET kind = :kind, name = :name, url = :url, username = :username,
				  secret_sealed = CASE WHEN :clear THEN NULL ELSE coalesce(:sealed, secret_sealed) END,
				  secret_hint = CASE WHEN :clear THEN NULL WHEN CAST(:sealed AS bytea) IS NOT NULL THEN :hint ELSE secret_hint END,
				  tlp = :tlp, interval_seconds = :interval, page_size = :page, enabled = :enabled,
				  added_after = CASE WHEN :reset THEN NULL ELSE added_after END, next_run_at = CASE WHEN :reset THEN :now ELSE least(next_run_at, :next) END,
				  failures = CASE WHEN :reset THEN 0 ELSE failures END, updated_at = :now
				WHERE id = :id AND organisation_id = :org""")
			.param("id", id).param("org", organisation).param("kind", c.kind()).param("name", c.name()).param("url", c.url())
			.param("username", c.username()).param("sealed", c.secretSealed()).param("hint", c.secretHint())
			.param("clear", c.clearSecret()).param("tlp", c.tlp()).param("interval", c.interval())
			.param("page", c.pageSize()).param("enabled", c.enabled()).param("reset", c.resetCursor())
			.param("now", Timestamp.from(now)).param("next", Timestamp.from(now.plusSeconds(c.interval())))
			.update() == 1;
		if (updated && c.resetCursor()) {
			jdbc.sql("DELETE FROM sharing_feed_misp_event WHERE source_id = :id").param("id", id).update();
		}
		return updated;
	}

	/** The MISP events of a source already imported, with their timestamps. */
	java.util.Map<UUID, Long> mispEvents(UUID source) {
		java.util.Map<UUID, Long> events = new java.util.HashMap<>();
		jdbc.sql("SELECT event_uuid, event_time FROM sharing_feed_misp_event WHERE source_id = :s").param("s", source)
			.query((rs, n) -> events.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
		return events;
	}

	/** An event imported at its manifest timestamp (skipped by later pulls until the timestamp moves). */
	void mispEventDone(UUID source, UUID event, long eventTime, ImportReport report, Instant now, Instant leaseUntil) {
		jdbc.sql("""
				INSERT INTO sharing_feed_misp_event (source_id, event_uuid, event_time, imported_at) VALUES (:s, :e, :t, :now)
				ON CONFLICT (source_id, event_uuid) DO UPDATE SET event_time = EXCLUDED.event_time,
				  imported_at = EXCLUDED.imported_at""")
			.param("s", source).param("e", event).param("t", eventTime).param("now", Timestamp.from(now)).update();
		pageDone(source, null, report, leaseUntil);
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
				UPDATE sharing_feed_source SET lease_until = NULL, last_success_at = :now, last_error = NULL,
				  last_error_code = NULL, last_error_arg = NULL, failures = 0,
				  next_run_at = :next, last_rejections = :rejections WHERE id = :id""")
			.param("id", id).param("now", Timestamp.from(now)).param("next", Timestamp.from(nextRun))
			.param("rejections", json.writeValueAsString(rejections))
			.update();
	}

	void failed(UUID id, String error, String code, @Nullable String arg, Instant nextRun) {
		jdbc.sql("""
				UPDATE sharing_feed_source SET lease_until = NULL, last_error = :error, last_error_code = :code,
				  last_error_arg = :arg, failures = failures + 1, next_run_at = :next WHERE id = :id""")
			.param("id", id).param("error", error.length() > 500 ? error.substring(0, 500) : error).param("code", code)
			.param("arg", arg == null || arg.length() <= 200 ? arg : arg.substring(0, 200))
			.param("next", Timestamp.from(nextRun))
			.update();
	}

	FeedSourceView view(Source s) {
		List<ImportReport.Rejection> rejections = json.readValue(s.lastRejections(),
				new TypeReference<List<ImportReport.Rejection>>() {
				});
		return new FeedSourceView(s.id(), s.kind(), s.name(), s.url(), s.username(), s.hasSecret(), s.secretHint(), s.tlp(),
				s.intervalSeconds(), s.pageSize(), s.enabled(), s.addedAfter(), s.nextRunAt(), s.lastRunAt(), s.lastSuccessAt(),
				s.lastError(), s.lastErrorCode(), s.lastErrorArg(),
				s.failures(), s.pages(), s.received(), s.imported(), s.rejected(), rejections);
	}

	private static Source source(ResultSet rs) throws SQLException {
		return new Source(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("kind"),
				rs.getString("name"), rs.getString("url"), rs.getString("username"), rs.getBytes("secret_sealed"),
				rs.getString("secret_hint"), rs.getString("tlp"),
				rs.getInt("interval_seconds"), rs.getInt("page_size"), rs.getBoolean("enabled"), rs.getString("added_after"),
				rs.getTimestamp("next_run_at").toInstant(), instant(rs, "last_run_at"), instant(rs, "last_success_at"),
				rs.getString("last_error"), rs.getString("last_error_code"), rs.getString("last_error_arg"),
				rs.getInt("failures"), rs.getLong("pages"), rs.getLong("received"),
				rs.getLong("imported"), rs.getLong("rejected"), rs.getString("last_rejections"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
