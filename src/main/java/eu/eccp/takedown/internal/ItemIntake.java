package eu.eccp.takedown.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ContentIntake;
import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.ReportedContent;

/**
 * The one path by which web addresses become items, for every source (reports of the reporting module,
 * organisations' content reports, bulk files): a chunk is placed in a few statements, the handlers are told
 * once per chunk, and known media hashes classify what is already known.
 */
@Service
class ItemIntake implements ContentIntake {

	private static final Logger log = LoggerFactory.getLogger(ItemIntake.class);

	private final ContentUrls urls;
	private final ItemRepository items;
	private final TakedownNotices notices;
	private final KnownHashClassifier classifier;
	private final Clock clock;

	ItemIntake(ContentUrls urls, ItemRepository items, TakedownNotices notices, KnownHashClassifier classifier,
			Clock clock) {
		this.urls = urls;
		this.items = items;
		this.notices = notices;
		this.classifier = classifier;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void fromReports(List<ReportedContent> reports) {
		List<Sighting> sightings = new ArrayList<>();
		for (ReportedContent report : reports) {
			for (String given : report.urls()) {
				Optional<ContentUrl> url = urls.read(given);
				if (url.isEmpty()) {
					log.info("report {}: a web address that is not one URL is left to the analyst", report.reportId());
					continue;
				}
				sightings.add(new Sighting("REPORT", report.reportId(), report.reference(), report.submitter(),
						report.handler(), given, url.get(), report.category(), report.tlp(), report.reportedAt(), List.of()));
			}
		}
		place(sightings);
	}

	/** Places the sightings (in the caller's transaction) and tells each handler of its new items once. */
	List<Placement> place(List<Sighting> sightings) {
		if (sightings.isEmpty()) {
			return List.of();
		}
		List<Placement> placements = items.place(sightings, clock.instant());
		Map<OrganisationId, Integer> created = new LinkedHashMap<>();
		Map<OrganisationId, Integer> joined = new LinkedHashMap<>();
		List<ItemId> withHashes = new ArrayList<>();
		java.util.Set<ItemId> counted = new java.util.HashSet<>();
		for (int i = 0; i < placements.size(); i++) {
			Placement p = placements.get(i);
			Sighting s = sightings.get(i);
			if (p.created()) {
				if (counted.add(p.item())) { // an item several sightings of the batch created is one new item
					created.merge(p.handler(), 1, Integer::sum);
				}
			}
			else if (p.newSource() && (s.submitter() == null || !s.submitter().equals(p.handler()))) {
				// a source placed before (the batch handed over again) has been told of already
				joined.merge(p.handler(), 1, Integer::sum);
			}
			if (!s.hashes().isEmpty()) {
				withHashes.add(p.item());
			}
		}
		created.forEach((handler, count) -> notices.send(handler, "takedown.item.new", "/takedown/items?status=NEW",
				false, "takedown.notice.newItems", count));
		joined.forEach((handler, count) -> notices.send(handler, "takedown.item.joined", "/takedown/items", false,
				"takedown.notice.joinedItems", count));
		classifier.classify(withHashes.stream().distinct().toList());
		return placements;
	}
}
