package eu.eccp.takedown.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.hosting.HostingLocation;
import eu.eccp.hosting.HostingLookup;
import eu.eccp.shared.ClusterLock;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.ItemLocations;
import eu.eccp.takedown.LookedUpLocation;

/**
 * Finds where new items are hosted: every {@code eccp.takedown.hosting-lookup-interval}, one node at a time, up to
 * {@code eccp.takedown.hosting-lookup-batch} open items without a location (neither recorded by an analyst nor
 * looked up) are looked up through the hosting module (DNS through the operator's resolver, IP data, CDN list,
 * abuse contacts) and the location is stored on the item, which its timeline shows. The lookups run outside any
 * transaction; only storing a result takes one. A host whose resolver did not answer is tried again in a later run,
 * after the items not tried yet ({@code hosting_lookup_at}); a name that does not exist is stored as such (no
 * country), so the analyst sees it.
 */
@Component
class HostingLookups {

	private static final Logger log = LoggerFactory.getLogger(HostingLookups.class);

	private final ItemQueueRepository queues;
	private final HostingLookup lookup;
	private final ItemLocations locations;
	private final ClusterLock lock;
	private final TransactionTemplate transactions;
	private final int batch;

	HostingLookups(ItemQueueRepository queues, HostingLookup lookup, ItemLocations locations, ClusterLock lock,
			TransactionTemplate transactions, @Value("${eccp.takedown.hosting-lookup-batch:100}") int batch) {
		this.queues = queues;
		this.lookup = lookup;
		this.locations = locations;
		this.lock = lock;
		this.transactions = transactions;
		this.batch = batch;
	}

	@Scheduled(fixedDelayString = "${eccp.takedown.hosting-lookup-interval:1m}",
			initialDelayString = "${eccp.takedown.hosting-lookup-interval:1m}")
	void run() {
		lock.runExclusively("takedown-hosting-lookups", this::lookUpOnce);
	}

	/** Looks up one batch of items without a location; returns how many locations were stored. */
	int lookUpOnce() {
		List<ItemQueueRepository.Unlocated> due = queues.claimUnlocated(batch, java.time.Instant.now());
		int stored = 0;
		for (ItemQueueRepository.Unlocated item : due) {
			HostingLocation found;
			try {
				found = lookup.locate(item.url());
			}
			catch (InvalidRequestException notAHost) {
				log.debug("item {} has no host to look up", item.item());
				continue;
			}
			if (found.resolution() == HostingLocation.Resolution.FAILED) {
				continue;
			}
			LookedUpLocation location = of(found);
			transactions.executeWithoutResult(status -> locations.recordLookup(item.item(), location));
			stored++;
		}
		return stored;
	}

	static LookedUpLocation of(HostingLocation found) {
		return new LookedUpLocation(found.country(), found.asn(), found.networkOwner(),
				found.addresses().stream().map(HostingLocation.AddressLocation::address).toList(), found.behindCdn(),
				found.platformOrganisation(), found.abuseEmail(), null);
	}
}
