package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.contactpoints.PreservationRequests;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;

/**
 * One click from an item asks its host to preserve the evidence before it removes the content (Regulation (EU)
 * 2021/784 Art. 6: six months): an urgent preservation request of the contact-points module
 * ({@link PreservationRequests}) to the host's contact point, for the item's address, linked both ways (the
 * request names the item, the item lists the request and its timeline says when). The texts are pre-filled from
 * the item (category, address) in the caller's language and may be edited.
 *
 * <p>Who may: a party of the item allowed to send urgent requests (a national unit's analyst or contact-point
 * officer, a coordinator); the host must be an organisation on the platform with a directory entry.
 */
@Service
public class ItemPreservations {

	/** What the analyst may change of the pre-filled request. */
	public record PreservationDraft(@Nullable String facts, @Nullable String necessity, @Nullable Boolean mlaFollowUp) {
	}

	/** A preservation request opened from the item. {@code mine}: the caller's organisation sent it (it may open it). */
	public record Preservation(UUID requestId, String reference, String host, String requestedBy, Instant requestedAt,
			boolean mine) {
	}

	private final ItemAccess access;
	private final ItemRepository items;
	private final PreservationRequests preservations;
	private final ItemViews views;
	private final MessageSource messages;
	private final ItemLinkRepository links;
	private final AuditTrail audit;
	private final Clock clock;

	ItemPreservations(ItemAccess access, ItemRepository items, PreservationRequests preservations, ItemViews views,
			MessageSource messages, ItemLinkRepository links, AuditTrail audit, Clock clock) {
		this.access = access;
		this.items = items;
		this.preservations = preservations;
		this.views = views;
		this.messages = messages;
		this.links = links;
		this.audit = audit;
		this.clock = clock;
	}

	/** The pre-filled request for the item, in a language (for the form and as the API's default). */
	public PreservationDraft prefilled(StoredItem item, Locale locale) {
		return new PreservationDraft(messages.getMessage("takedown.preservation.defaultFacts",
				new Object[] { category(item, locale) }, locale),
				messages.getMessage("takedown.preservation.defaultNecessity", null, locale), false);
	}

	/** Whether the item has a host on the platform a preservation request can go to. */
	public static boolean hostOnPlatform(StoredItem item) {
		return item.hosting() != null && item.hosting().hostOrganisation() != null;
	}

	/**
	 * Sends the preservation request to the item's host. 409 when the host is not on the platform; 422 with the
	 * contact-points module's field errors (e.g. {@code facts}, {@code necessity}, {@code recipient}: the host has no
	 * directory entry).
	 */
	@Transactional
	public Preservation request(CallerContext caller, ItemId id, PreservationDraft draft, Locale locale) {
		items.lock(id);
		StoredItem item = access.visible(caller, id);
		if (!hostOnPlatform(item)) {
			throw new ConflictException(messages.getMessage("takedown.preservation.noHost", null, Locale.ENGLISH));
		}
		OrganisationId host = item.hosting().hostOrganisation();
		PreservationDraft defaults = prefilled(item, locale);
		String offence = category(item, locale);
		PreservationRequests.SentRequest sent = preservations.requestPreservation(caller,
				new PreservationRequests.ContentPreservation(host, item.url(), offence,
						orDefault(draft.facts(), defaults.facts()),
						messages.getMessage("takedown.preservation.dataSought", null, locale),
						messages.getMessage("takedown.preservation.relation", null, locale),
						orDefault(draft.necessity(), defaults.necessity()), Boolean.TRUE.equals(draft.mlaFollowUp()),
						new PreservationRequests.Origin(PreservationRequests.Origin.Kind.TAKEDOWN_ITEM, id.toString(),
								"/takedown/items/" + id)));
		Instant now = clock.instant();
		links.addPreservation(id, new ItemLinkRepository.PreservationLink(sent.id().value(), sent.reference(), host,
				caller.organisationId(), now), caller.userId());
		items.addEvent(id, now, caller.organisationId(), caller.userId().value(), "PRESERVATION_REQUESTED", sent.reference());
		audit.record(AuditEvent.of("takedown.item.preservation-requested", "content-item", id)
			.withDetail("request=" + sent.id()));
		return new Preservation(sent.id().value(), sent.reference(), name(host), name(caller.organisationId()), now, true);
	}

	/** The preservation requests opened from an item (the caller already sees the item). */
	@Transactional(readOnly = true)
	public List<Preservation> ofItem(CallerContext caller, ItemId id) {
		return links.preservations(id).stream()
			.map(link -> new Preservation(link.requestId(), link.reference(), name(link.host()),
					name(link.requestedByOrg()), link.requestedAt(), link.requestedByOrg().equals(caller.organisationId())))
			.toList();
	}

	private String category(StoredItem item, Locale locale) {
		String key = item.category() != null ? "takedown.cat." + item.category()
				: "takedown.reported." + item.reportedCategory();
		return messages.getMessage(key, null, locale);
	}

	private String name(OrganisationId org) {
		return views.org(org).map(ItemViews.Org::name).orElse("?");
	}

	private static String orDefault(@Nullable String text, String fallback) {
		return text == null || text.isBlank() ? fallback : text;
	}
}
