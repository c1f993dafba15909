package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.blocklist.BlockListProposals;
import eu.eccp.blocklist.EntryReference;
import eu.eccp.blocklist.ProposedEntry;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.takedown.ItemId;

/**
 * Proposes an EU block-list entry from an item that was not removed: an item assessed (and confirmed where
 * four-eyes applies) as illegal, still online as far as anyone knows, and either hosted outside the EU or past
 * the deadline of a notice or removal order sent for it. The handling organisation's analyst chooses whether the
 * host is dedicated to the content (then the whole host is blocked, otherwise the address with everything under
 * it) and may edit the stop page's text (pre-filled per category in English, French and German). The countries
 * come from the legality matrix: only those whose law makes the category illegal get the entry; with none, there
 * is nothing to propose.
 *
 * <p>Takedown calls the block list's published {@link BlockListProposals} (takedown depends on the block list,
 * never the reverse), in the same transaction as the item's timeline entry, so the two never disagree. The block
 * list still needs another person with the block-list role to approve the entry before any ISP receives it.
 */
@Service
public class BlockListProposing {

	/** Why an item goes to the block list: the codes published with its entry. */
	@eu.eccp.shared.Labelled("takedown.blocklist.reason")
	public enum Reason {
		/** Hosted outside the EU with nobody to send a notice to (or nobody acting on one). */
		HOSTED_OUTSIDE_EU,
		/** A notice or removal order was sent and its deadline passed without the content being removed. */
		REMOVAL_DEADLINE_PASSED
	}

	/** What the analyst chooses: the host dedicated to the content or not, and the stop page's text (optional). */
	public record ProposalDraft(@Nullable Boolean dedicatedHost, @Nullable String stopPageEn,
			@Nullable String stopPageFr, @Nullable String stopPageDe) {
	}

	/**
	 * Whether the item can go to the block list now, and with what.
	 *
	 * @param reason why (null when it cannot)
	 * @param problem the message key saying why not (null when it can)
	 * @param countries where the legality matrix makes its category illegal
	 * @param stopPage the pre-filled stop page text for its category
	 */
	public record Eligibility(@Nullable Reason reason, @Nullable String problem, Set<String> countries,
			ProposedEntry.StopPage stopPage) {

		public boolean eligible() {
			return reason != null && problem == null;
		}
	}

	/** A proposal made from the item, as the item shows it ({@code proposedBy}: the organisation's name). */
	public record Proposal(UUID entryId, String referenceCode, boolean wholeHost, Reason reason, List<String> countries,
			String proposedBy, Instant proposedAt) {
	}

	/** Statuses in which an item carries an effective (confirmed where needed) illegal assessment and is not removed. */
	private static final Set<ItemStatus> PROPOSABLE = EnumSet.of(ItemStatus.ASSESSED, ItemStatus.NOTICE_SENT,
			ItemStatus.REFUSED);

	private final ItemAccess access;
	private final ItemRepository items;
	private final NoticeRepository notices;
	private final LegalityMatrix legality;
	private final BlockListProposals blockList;
	private final ItemViews views;
	private final MessageSource messages;
	private final ItemLinkRepository links;
	private final AuditTrail audit;
	private final Clock clock;

	BlockListProposing(ItemAccess access, ItemRepository items, NoticeRepository notices, LegalityMatrix legality,
			BlockListProposals blockList, ItemViews views, MessageSource messages, ItemLinkRepository links, AuditTrail audit,
			Clock clock) {
		this.access = access;
		this.items = items;
		this.notices = notices;
		this.legality = legality;
		this.blockList = blockList;
		this.views = views;
		this.messages = messages;
		this.links = links;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether (and with what) the item can be proposed now; for the item's page (the caller already sees it). */
	@Transactional(readOnly = true)
	public Eligibility eligibility(StoredItem item) {
		Set<String> countries = new TreeSet<>();
		ContentCategory category = item.category();
		if (category != null) {
			legality.where(category).stream()
				.filter(rule -> rule.verdict() == LegalityMatrix.Verdict.ILLEGAL && rule.country().isEuMemberState())
				.forEach(rule -> countries.add(rule.country().value()));
		}
		ProposedEntry.StopPage stopPage = category == null || !category.illegal() ? new ProposedEntry.StopPage("", "", "")
				: defaultStopPage(category);
		if (category == null || !category.illegal() || !PROPOSABLE.contains(item.status())) {
			return new Eligibility(null, "takedown.blocklist.problem.notAssessed", countries, stopPage);
		}
		Reason reason = reason(item);
		if (reason == null) {
			return new Eligibility(null, "takedown.blocklist.problem.notDue", countries, stopPage);
		}
		if (countries.isEmpty()) {
			return new Eligibility(reason, "takedown.blocklist.problem.nowhereIllegal", countries, stopPage);
		}
		return new Eligibility(reason, null, countries, stopPage);
	}

	private @Nullable Reason reason(StoredItem item) {
		Instant now = clock.instant();
		boolean pastDeadline = notices.ofItem(item.id()).stream()
			.anyMatch(n -> n.removedAt() == null && now.isAfter(n.deadlineAt()));
		if (pastDeadline) {
			return Reason.REMOVAL_DEADLINE_PASSED;
		}
		boolean outsideEu = item.blockListCandidate()
				|| item.hosting() != null && item.hosting().country() != null && !item.hosting().country().isEuMemberState();
		return outsideEu ? Reason.HOSTED_OUTSIDE_EU : null;
	}

	/**
	 * Proposes the item for the block list (an analyst of the handling organisation; the block list itself requires
	 * a hotline analyst, coordinator or block-list officer). 409 when the item is not (or no longer) eligible or the
	 * same expression is already proposed or listed; 422 for a bad stop page text.
	 */
	@Transactional
	public Proposal propose(CallerContext caller, ItemId id, ProposalDraft draft) {
		items.lock(id);
		StoredItem item = access.handledBy(caller, id);
		Eligibility eligibility = eligibility(item);
		if (!eligibility.eligible()) {
			throw new ConflictException(messages.getMessage(eligibility.problem(), null, Locale.ENGLISH));
		}
		ProposedEntry.StopPage defaults = eligibility.stopPage();
		ProposedEntry.StopPage stopPage = new ProposedEntry.StopPage(orDefault(draft.stopPageEn(), defaults.en()),
				orDefault(draft.stopPageFr(), defaults.fr()), orDefault(draft.stopPageDe(), defaults.de()));
		boolean wholeHost = Boolean.TRUE.equals(draft.dedicatedHost());
		Reason reason = eligibility.reason();
		EntryReference entry = blockList.propose(caller, new ProposedEntry(id.toString(), item.url(),
				item.category().name(), eligibility.countries(), reason.name(), stopPage, wholeHost));
		Instant now = clock.instant();
		String countries = String.join(",", eligibility.countries());
		links.addProposal(id, new ItemLinkRepository.ProposalLink(entry.id(), entry.referenceCode(), wholeHost, reason,
				List.copyOf(eligibility.countries()), caller.organisationId(), now), caller.userId());
		items.addEvent(id, now, caller.organisationId(), caller.userId().value(), "BLOCK_LIST_PROPOSED",
				entry.referenceCode() + " " + countries);
		audit.record(AuditEvent.of("takedown.item.block-list-proposed", "content-item", id)
			.withDetail("entry=" + entry.id() + " reason=" + reason + " countries=" + countries));
		return new Proposal(entry.id(), entry.referenceCode(), wholeHost, reason, List.copyOf(eligibility.countries()),
				views.org(caller.organisationId()).map(ItemViews.Org::name).orElse("?"), now);
	}

	/** The proposals made from an item, newest first (the caller already sees the item). */
	@Transactional(readOnly = true)
	public List<Proposal> ofItem(ItemId id) {
		return links.proposals(id).stream()
			.map(link -> new Proposal(link.entryId(), link.referenceCode(), link.wholeHost(), link.reason(),
					link.countries(), views.org(link.proposedByOrg()).map(ItemViews.Org::name).orElse("?"),
					link.proposedAt()))
			.toList();
	}

	/** The stop page's text for a category, in English, French and German, from the message bundles. */
	ProposedEntry.StopPage defaultStopPage(ContentCategory category) {
		String key = "takedown.blocklist.stopText." + category.name();
		return new ProposedEntry.StopPage(messages.getMessage(key, null, Locale.ENGLISH),
				messages.getMessage(key, null, Locale.FRENCH), messages.getMessage(key, null, Locale.GERMAN));
	}

	private static String orDefault(@Nullable String text, String fallback) {
		return text == null || text.isBlank() ? fallback : text;
	}
}
