package eu.eccp.platform.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads Spring Modulith's event publication registry ({@code event_publication}) for the administrators' view. */
@Repository
class EventPublicationRepository {

	private final JdbcClient jdbc;

	EventPublicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Incomplete publications, and how many of them failed at least {@code stuckAfter} times. */
	EventReplay.EventBacklog backlog(int stuckAfter) {
		return jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE status = 'FAILED' AND coalesce(completion_attempts, 0) >= :stuck)
				FROM event_publication WHERE completion_date IS NULL""")
			.param("stuck", stuckAfter)
			.query((rs, n) -> new EventReplay.EventBacklog(rs.getLong(1), rs.getLong(2)))
			.single();
	}
}
