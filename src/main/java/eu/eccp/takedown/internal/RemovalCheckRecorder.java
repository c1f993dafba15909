package eu.eccp.takedown.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.RemovalChecks;

/** What removal checks saw, on the item: the first "removed" sets its removal-seen time for the statistics. */
@Service
class RemovalCheckRecorder implements RemovalChecks {

	private final JdbcClient jdbc;
	private final ItemRepository items;

	RemovalCheckRecorder(JdbcClient jdbc, ItemRepository items) {
		this.jdbc = jdbc;
		this.items = items;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Target> openItems(int limit) {
		return jdbc.sql("""
				SELECT id, url, category FROM content_item
				WHERE removal_seen_at IS NULL AND status IN ('ASSESSED', 'FORWARDED', 'NOTICE_SENT', 'REMOVED', 'REFUSED')
				ORDER BY updated_at LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> new Target(new ItemId(rs.getObject("id", UUID.class)), rs.getString("url"),
					rs.getString("category") != null && rs.getString("category").startsWith("CSAM")))
			.list();
	}

	@Override
	@Transactional
	public void observed(ItemId item, Outcome outcome, Instant at) {
		items.lock(item);
		StoredItem stored = items.findForSystem(item).orElseThrow();
		switch (outcome) {
			case REMOVED -> {
				if (stored.removalSeenAt() == null) {
					items.milestone(item, "removal_seen_at", at);
					items.addEvent(item, at, null, null, "CHECK_REMOVED", null);
					if (stored.status().open()) {
						items.updateStatus(item, ItemStatus.REMOVED, at);
					}
				}
			}
			case CHANGED -> items.addEvent(item, at, null, null, "CHECK_CHANGED", null);
			case ONLINE -> jdbc.sql("UPDATE content_item SET updated_at = :at WHERE id = :id")
				.param("at", Timestamp.from(at)).param("id", item.value()).update();
		}
	}
}
