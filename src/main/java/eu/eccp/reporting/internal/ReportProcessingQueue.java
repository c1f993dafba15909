package eu.eccp.reporting.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.reporting.ReportId;

/**
 * The reports whose indicators are still to be extracted and correlated (table {@code report_processing}).
 * A row is written with its report; claims are leases taken with {@code FOR UPDATE SKIP LOCKED}, so two nodes
 * never take the same report and a node that dies leaves its claims to expire.
 */
@Repository
class ReportProcessingQueue {

	private final JdbcClient jdbc;

	ReportProcessingQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues reports, claimed until {@code claimedUntil} by whoever stores them (null: free for the worker). */
	void enqueue(Collection<ReportId> reports, @Nullable UUID importJob, Instant now, @Nullable Instant claimedUntil) {
		if (reports.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO report_processing (report_id, import_job, enqueued_at, next_attempt_at, claimed_until)
				SELECT id, :job, :now, :now, :claimed FROM unnest(CAST(:ids AS uuid[])) AS r(id)
				ON CONFLICT (report_id) DO NOTHING""")
			.param("ids", reports.stream().map(ReportId::value).toArray(UUID[]::new))
			.param("job", importJob)
			.param("now", Timestamp.from(now))
			.param("claimed", claimedUntil == null ? null : Timestamp.from(claimedUntil))
			.update();
	}

	/** Claims up to {@code limit} reports that are due and not claimed by anyone else, oldest first. */
	List<Claimed> claimDue(int limit, Instant now, Duration lease) {
		return jdbc.sql("""
				UPDATE report_processing p SET claimed_until = :until
				FROM (SELECT report_id FROM report_processing
				      WHERE next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
				      ORDER BY next_attempt_at, enqueued_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
				WHERE p.report_id = due.report_id
				RETURNING p.report_id, p.import_job, p.attempts""")
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(lease)))
			.param("limit", limit)
			.query((rs, n) -> new Claimed(new ReportId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
					rs.getInt(3)))
			.list();
	}

	/** A claimed report, the import it came with (if any) and how often it was tried before. */
	record Claimed(ReportId report, @Nullable UUID importJob, int attempts) {
	}

	/** The reports' indicators are stored; returns how many of them each import brought (each report once). */
	Map<UUID, Integer> extracted(Collection<ReportId> reports) {
		return perJob("""
				UPDATE report_processing SET extracted = true WHERE report_id = ANY (:ids) AND NOT extracted
				RETURNING import_job""", reports);
	}

	/** The reports are done: their rows go; returns how many of them each import brought. */
	Map<UUID, Integer> done(Collection<ReportId> reports) {
		return perJob("DELETE FROM report_processing WHERE report_id = ANY (:ids) RETURNING import_job", reports);
	}

	private Map<UUID, Integer> perJob(String sql, Collection<ReportId> reports) {
		Map<UUID, Integer> perJob = new HashMap<>();
		if (reports.isEmpty()) {
			return perJob;
		}
		jdbc.sql(sql)
			.param("ids", reports.stream().map(ReportId::value).toArray(UUID[]::new))
			.query((rs, n) -> {
				UUID job = rs.getObject(1, UUID.class);
				if (job != null) {
					perJob.merge(job, 1, Integer::sum);
				}
				return n;
			})
			.list();
		return perJob;
	}

	/** A report failed: it is retried after {@code retryAt}; {@code error} names the failure (never content). */
	void failed(ReportId report, Instant retryAt, String error) {
		jdbc.sql("""
				UPDATE report_processing SET attempts = attempts + 1, next_attempt_at = :retry, claimed_until = NULL,
				  last_error = :error
				WHERE report_id = :id""")
			.param("id", report.value())
			.param("retry", Timestamp.from(retryAt))
			.param("error", error.length() > 300 ? error.substring(0, 300) : error)
			.update();
	}

	/** Gives claims back (e.g. when a node stops). */
	void release(Collection<ReportId> reports) {
		if (reports.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE report_processing SET claimed_until = NULL WHERE report_id = ANY (:ids)")
			.param("ids", reports.stream().map(ReportId::value).toArray(UUID[]::new))
			.update();
	}

	/** How much is waiting, and how much of it has failed at least {@code failingAfter} times. */
	Backlog backlog(int failingAfter) {
		return jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE attempts >= :failing), min(enqueued_at)
				FROM report_processing""")
			.param("failing", failingAfter)
			.query((rs, n) -> {
				Timestamp oldest = rs.getTimestamp(3);
				return new Backlog(rs.getLong(1), rs.getLong(2), oldest == null ? null : oldest.toInstant());
			})
			.single();
	}

	/** Reports waiting for extraction and correlation; {@code failing} of them failed repeatedly. */
	record Backlog(long waiting, long failing, @Nullable Instant oldest) {
	}
}
