package eu.eccp.takedown.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.RemovalChecks;

/**
 * The background work queues over items: the items due for a removal check and the items whose host is still to be
 * looked up. Both queues are ordered so that an item that keeps failing goes to the back and cannot block the others.
 */
@Repository
class ItemQueueRepository {

	/** An item whose host is still to be looked up. */
	record Unlocated(ItemId item, String url) {
	}

	private final JdbcClient jdbc;

	ItemQueueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Open items nobody has seen removed yet, the least recently checked first. */
	List<RemovalChecks.Target> dueForRemovalCheck(int limit) {
		return jdbc.sql("""
				SELECT id, url, category FROM content_item
				WHERE removal_seen_at IS NULL AND status IN ('ASSESSED', 'FORWARDED', 'NOTICE_SENT', 'REMOVED', 'REFUSED')
				ORDER BY updated_at LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> new RemovalChecks.Target(new ItemId(rs.getObject("id", UUID.class)), rs.getString("url"),
					rs.getString("category") != null && rs.getString("category").startsWith("CSAM")))
			.list();
	}

	/** The item goes to the back of the queue of items to check. */
	void checked(ItemId item, Instant at) {
		jdbc.sql("UPDATE content_item SET updated_at = :at WHERE id = :id")
			.param("at", Timestamp.from(at)).param("id", item.value()).update();
	}

	/**
	 * Claims up to {@code limit} items without a location for a lookup (marks them tried at {@code now}): never
	 * tried first, then those tried longest ago, so an item whose host never answers cannot block the others.
	 */
	List<Unlocated> claimUnlocated(int limit, Instant now) {
		return jdbc.sql("""
				UPDATE content_item SET hosting_lookup_at = :now
				WHERE id IN (SELECT id FROM content_item WHERE hosting_source IS NULL AND removal_seen_at IS NULL
				  ORDER BY hosting_lookup_at NULLS FIRST, reported_at LIMIT :limit)
				RETURNING id, url""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Unlocated(new ItemId(rs.getObject("id", UUID.class)), rs.getString("url")))
			.list();
	}
}
