package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.CountryCode;
import eu.eccp.takedown.ItemId;

/**
 * An item hosted in another country that has a hotline on the platform is forwarded to that hotline (and, for
 * CSAM, that country's national unit), which handles it from then on and re-assesses it under its own law; the
 * forwarding hotline stays a party and both see the one timeline. An item hosted outside the EU with no host
 * on the platform becomes a candidate for the EU block list.
 */
@Service
public class Forwarding {

	/** What forwarding did: to whom, or that it marked the item for the block list. */
	public record Outcome(@Nullable OrganisationView to, boolean blockListCandidate) {
	}

	private final ItemAccess access;
	private final ItemRepository items;
	private final HotlineRouting routing;
	private final Organisations organisations;
	private final TakedownNotices notices;
	private final AuditTrail audit;
	private final Clock clock;

	Forwarding(ItemAccess access, ItemRepository items, HotlineRouting routing, Organisations organisations,
			TakedownNotices notices, AuditTrail audit, Clock clock) {
		this.access = access;
		this.items = items;
		this.routing = routing;
		this.organisations = organisations;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Outcome forward(CallerContext caller, ItemId id) {
		items.lock(id);
		StoredItem item = access.handledBy(caller, id);
		if (item.status() != ItemStatus.ASSESSED) {
			// four-eyes: only an effective (confirmed where required) illegal assessment leaves the hotline
			throw new ConflictException("Only an item assessed as illegal (and confirmed where required) is forwarded.");
		}
		if (item.hosting() == null || item.hosting().country() == null) {
			throw new ConflictException("Record where the item is hosted first.");
		}
		CountryCode country = item.hosting().country();
		OrganisationView own = organisations.find(caller.organisationId()).orElseThrow();
		if (own.country().equals(country)) {
			throw new ConflictException("The item is hosted in your own country: send the notice yourself.");
		}
		Instant now = clock.instant();
		Optional<OrganisationView> target = routing.hotlineOf(country);
		if (target.isEmpty() && country.isEuMemberState()) {
			target = organisations.find(country, OrganisationType.NATIONAL_UNIT).stream().findFirst();
		}
		if (target.isEmpty()) {
			if (item.hosting().hostOrganisation() != null) {
				throw new ConflictException("The host is on the platform: send it the notice.");
			}
			items.markBlockListCandidate(id, now);
			items.addEvent(id, now, caller.organisationId(), caller.userId().value(), "BLOCK_LIST_CANDIDATE", country.value());
			audit.record(AuditEvent.of("takedown.item.block-list-candidate", "content-item", id).withDetail("country=" + country));
			return new Outcome(null, true);
		}
		OrganisationView to = target.get();
		items.handOver(id, to.id(), now);
		items.addParty(id, to.id(), "FORWARDED", now);
		items.addEvent(id, now, caller.organisationId(), caller.userId().value(), "FORWARDED", to.shortName());
		String link = "/takedown/items/" + id;
		notices.send(to.id(), "takedown.item.forwarded", link, false, "takedown.notice.forwarded", own.name());
		if (item.category() != null && item.category().csam() && to.type() == OrganisationType.HOTLINE) {
			organisations.find(country, OrganisationType.NATIONAL_UNIT).stream().findFirst().ifPresent(unit -> {
				items.addParty(id, unit.id(), "FORWARDED", now);
				notices.send(unit.id(), "takedown.item.forwarded", link, false, "takedown.notice.forwarded", own.name());
			});
		}
		audit.record(AuditEvent.of("takedown.item.forwarded", "content-item", id).withDetail("to=" + to.shortName()));
		return new Outcome(to, false);
	}
}
