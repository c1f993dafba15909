package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import eu.eccp.takedown.ItemId;

/**
 * Classifies new items whose media hashes match hashes already assessed on the platform, so that nobody has to
 * look at known material again: an automatic, already confirmed assessment with the known category, naming the
 * match (algorithm, distance) as its reason. Items already assessed are left alone.
 */
@Component
class KnownHashClassifier {

	private final KnownHashes knownHashes;
	private final ItemRepository items;
	private final AssessmentRepository assessments;
	private final Clock clock;

	KnownHashClassifier(KnownHashes knownHashes, ItemRepository items, AssessmentRepository assessments, Clock clock) {
		this.knownHashes = knownHashes;
		this.items = items;
		this.assessments = assessments;
		this.clock = clock;
	}

	/** Runs in the caller's transaction. */
	void classify(List<ItemId> candidates) {
		Map<ItemId, List<MediaHash>> hashes = items.hashesOf(candidates);
		Instant now = clock.instant();
		for (Map.Entry<ItemId, List<MediaHash>> entry : hashes.entrySet()) {
			Optional<KnownHashes.Known> best = entry.getValue().stream()
				.map(knownHashes::match)
				.flatMap(Optional::stream)
				.min(java.util.Comparator.comparingInt(KnownHashes.Known::distance));
			if (best.isEmpty()) {
				continue;
			}
			ItemId id = entry.getKey();
			items.lock(id);
			StoredItem item = items.findForSystem(id).orElseThrow();
			if (item.status() != ItemStatus.NEW) {
				continue;
			}
			KnownHashes.Known known = best.get();
			String reason = "known " + known.algorithm() + " hash"
					+ (known.algorithm() == MediaHash.Algorithm.PDQ ? " at distance " + known.distance() : "")
					+ (known.item() == null ? "" : " (item " + known.item() + ")");
			assessments.insert(new Assessment(UUID.randomUUID(), id, item.handler(), null, known.category(), null, null,
					false, reason, true, now, false, null, null, false));
			items.assessed(id, known.category(), known.category().illegal() ? ItemStatus.ASSESSED : ItemStatus.CLOSED, now);
			items.addEvent(id, now, null, null, "CLASSIFIED_BY_HASH", known.category() + ": " + reason);
		}
	}
}
