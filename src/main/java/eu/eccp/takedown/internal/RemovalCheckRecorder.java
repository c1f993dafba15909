package eu.eccp.takedown.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.RemovalChecks;

/** What removal checks saw, on the item: the first "removed" sets its removal-seen time for the statistics. */
@Service
class RemovalCheckRecorder implements RemovalChecks {

	private final ItemQueueRepository queues;
	private final ItemRepository items;

	RemovalCheckRecorder(ItemQueueRepository queues, ItemRepository items) {
		this.queues = queues;
		this.items = items;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Target> openItems(int limit) {
		return queues.dueForRemovalCheck(limit);
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
			case CHANGED -> {
				items.addEvent(item, at, null, null, "CHECK_CHANGED", null);
				queues.checked(item, at);
			}
			case ONLINE -> queues.checked(item, at);
		}
	}

}
