package eu.eccp.blocklist.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.blocklist.BlockListProposals;
import eu.eccp.blocklist.EntryReference;
import eu.eccp.blocklist.ProposedEntry;
import eu.eccp.blocklist.isp.CanonicalUrl;
import eu.eccp.blocklist.isp.UrlCanonicalizer;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * The life of block-list entries: proposal (hotline analysts, coordinators, block-list officers, and
 * takedown through {@link BlockListProposals}), approval or rejection by another block-list officer
 * (four-eyes), publication to the lists of the countries where the content is illegal, withdrawal and
 * expiry. Entries are seen only by block-list officers, and by the proposing organisation for its own
 * proposals; every view and change is audited.
 */
@Service
public class BlockListEntries implements BlockListProposals {

	private static final Logger log = LoggerFactory.getLogger(BlockListEntries.class);

	static final Role[] PROPOSERS = { Role.HOTLINE_ANALYST, Role.COORDINATOR, Role.BLOCKLIST_OFFICER };

	private static final int MAX_TEXT = 4000;

	private final EntryRepository entries;

	private final CountryLists lists;

	private final AuditTrail audit;

	private final Clock clock;

	private final BlockListProperties properties;

	BlockListEntries(EntryRepository entries, CountryLists lists, AuditTrail audit, Clock clock,
			BlockListProperties properties) {
		this.entries = entries;
		this.lists = lists;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/** What officers and proposers see of an entry (never more than they may). */
	public record EntryView(UUID id, String referenceCode, @Nullable String sourceItem, String url, String expression,
			boolean wholeHost, String category, String reasonCode, Set<String> countries, EntryStatus status,
			Instant proposedAt, @Nullable Instant decidedAt, @Nullable Instant endedAt, @Nullable String endReason,
			int checksGone, @Nullable Instant lastCheckedAt, List<String> listedIn, ProposedEntry.StopPage stopPage) {
	}

	@Override
	@Transactional
	public EntryReference propose(CallerContext proposer, ProposedEntry proposal) {
		proposer.requireAny(PROPOSERS);
		Map<String, String> errors = new LinkedHashMap<>();
		String url = proposal.url() == null ? "" : proposal.url().strip();
		CanonicalUrl canonical = null;
		if (url.isEmpty() || url.length() > 4096) {
			errors.put("url", "blocklist.error.url");
		}
		else {
			canonical = UrlCanonicalizer.canonicalize(url);
			if (canonical.host().isEmpty() || !canonical.host().contains(".") && !canonical.ipAddress()) {
				errors.put("url", "blocklist.error.url");
			}
		}
		Set<String> countries = new TreeSet<>();
		for (String c : proposal.illegalIn() == null ? Set.<String>of() : proposal.illegalIn()) {
			String code = c == null ? "" : c.strip().toUpperCase(Locale.ROOT);
			if (!CountryCode.EU_MEMBER_STATES.contains(code)) {
				errors.put("illegalIn", "blocklist.error.countries");
			}
			countries.add(code);
		}
		if (countries.isEmpty()) {
			errors.put("illegalIn", "blocklist.error.countries");
		}
		requireCode(errors, "category", proposal.category());
		requireCode(errors, "reasonCode", proposal.reasonCode());
		ProposedEntry.StopPage stop = proposal.stopPage();
		if (stop == null) {
			errors.put("stopPage", "blocklist.error.stop-page");
		}
		else {
			requireText(errors, "stopPage.en", stop.en());
			requireText(errors, "stopPage.fr", stop.fr());
			requireText(errors, "stopPage.de", stop.de());
		}
		if (proposal.sourceItem() != null && proposal.sourceItem().length() > 200) {
			errors.put("sourceItem", "blocklist.error.source-item");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		String expression = proposal.dedicatedHost() ? canonical.host() + "/" : canonical.exactExpression();
		Instant now = clock.instant();
		Entry entry = Entry.proposed(proposal.sourceItem(), url, expression, proposal.dedicatedHost(), canonical.host(),
				proposal.category(), proposal.reasonCode(), stop, proposer, now, countries);
		entries.insert(entry);
		audit.record(new AuditEvent("blocklist.entry.proposed", "blocklist-entry", entry.id().toString(),
				"countries=" + String.join(",", countries) + (proposal.sourceItem() == null ? "" : " item=" + proposal.sourceItem()),
				false));
		log.info("block-list entry {} proposed for {}", entry.id(), countries);
		return new EntryReference(entry.id(), entry.referenceCode());
	}

	private static void requireCode(Map<String, String> errors, String field, @Nullable String value) {
		if (value == null || !value.strip().matches("[A-Za-z0-9_.-]{1,64}")) {
			errors.put(field, "blocklist.error.code");
		}
	}

	private static void requireText(Map<String, String> errors, String field, @Nullable String value) {
		if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
			errors.put(field, "blocklist.error.stop-page");
		}
	}

	/** Approves a proposal (another block-list officer than the proposer) and publishes it to its countries. */
	@Transactional
	public EntryView approve(CallerContext caller, UUID id) {
		Entry entry = entries.lock(id).orElseThrow(() -> notFound(id));
		entry.requireDecidableBy(caller);
		Instant now = clock.instant();
		entries.decide(id, EntryStatus.PUBLISHED, caller.userId(), now, now.plus(properties.checkInterval()));
		for (String country : entry.countries()) {
			lists.publish(country, List.of(id), List.of());
		}
		audit.record(new AuditEvent("blocklist.entry.approved", "blocklist-entry", id.toString(),
				"countries=" + String.join(",", entry.countries()), false));
		return view(entries.find(id).orElseThrow());
	}

	@Transactional
	public EntryView reject(CallerContext caller, UUID id, @Nullable String reason) {
		Entry entry = entries.lock(id).orElseThrow(() -> notFound(id));
		entry.requireDecidableBy(caller);
		Instant now = clock.instant();
		entries.decide(id, EntryStatus.REJECTED, caller.userId(), now, null);
		entries.end(id, EntryStatus.REJECTED, now, reason == null || reason.isBlank() ? "rejected" : clip(reason));
		audit.record(AuditEvent.of("blocklist.entry.rejected", "blocklist-entry", id));
		return view(entries.find(id).orElseThrow());
	}

	/** Takes a published entry off every list at once (a new version per country). */
	@Transactional
	public EntryView withdraw(CallerContext caller, UUID id, @Nullable String reason) {
		Entry entry = entries.lock(id).orElseThrow(() -> notFound(id));
		entry.requireWithdrawable(caller);
		end(entry, EntryStatus.WITHDRAWN, reason == null || reason.isBlank() ? "withdrawn" : clip(reason));
		audit.record(new AuditEvent("blocklist.entry.withdrawn", "blocklist-entry", id.toString(), null, false));
		return view(entries.find(id).orElseThrow());
	}

	/** Ends a published entry (withdrawal or expiry): a removal in the next version of each list holding it. */
	void end(Entry entry, EntryStatus status, String reason) {
		entries.end(entry.id(), status, clock.instant(), reason);
		for (String country : lists.countriesListing(entry.id())) {
			lists.publish(country, List.of(), List.of(entry.id()));
		}
	}

	/** Expires an entry the removal check found gone (called by the expiry watch, in its transaction). */
	@Transactional
	void expire(UUID id, String reason) {
		Entry entry = entries.lock(id).orElse(null);
		if (entry == null || entry.status() != EntryStatus.PUBLISHED) {
			return;
		}
		end(entry, EntryStatus.EXPIRED, reason);
		audit.record(new AuditEvent("blocklist.entry.expired", "blocklist-entry", id.toString(), reason, false));
	}

	@Transactional
	public List<EntryView> list(CallerContext caller, @Nullable EntryStatus status, int limit, int offset) {
		caller.requireAny(PROPOSERS);
		List<Entry> found = entries.list(status, caller.has(Role.BLOCKLIST_OFFICER) ? null : caller.organisationId(),
				Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
		audit.record(new AuditEvent("blocklist.entries.viewed", "blocklist-entry", null,
				"status=" + (status == null ? "all" : status.name()) + " count=" + found.size(), false));
		Map<UUID, List<String>> listedIn = lists.countriesListing(found.stream().map(Entry::id).toList());
		return found.stream().map(e -> view(e, listedIn.getOrDefault(e.id(), List.of()))).toList();
	}

	@Transactional
	public EntryView get(CallerContext caller, UUID id) {
		caller.requireAny(PROPOSERS);
		Entry entry = entries.find(id).orElseThrow(() -> notFound(id));
		if (!caller.has(Role.BLOCKLIST_OFFICER) && !entry.proposedByOrg().equals(caller.organisationId())) {
			throw notFound(id);
		}
		audit.record(AuditEvent.of("blocklist.entry.viewed", "blocklist-entry", id));
		return view(entry);
	}

	private EntryView view(Entry e) {
		return view(e, lists.countriesListing(e.id()));
	}

	private static EntryView view(Entry e, List<String> listedIn) {
		return new EntryView(e.id(), e.referenceCode(), e.sourceItem(), e.url(), e.expression(), e.wholeHost(),
				e.category(), e.reasonCode(), e.countries(), e.status(), e.proposedAt(), e.decidedAt(), e.endedAt(),
				e.endReason(), e.checksGone(), e.lastCheckedAt(), listedIn,
				new ProposedEntry.StopPage(e.stopTextEn(), e.stopTextFr(), e.stopTextDe()));
	}

	private static String clip(String text) {
		String t = text.strip();
		return t.length() > 500 ? t.substring(0, 500) : t;
	}

	static RecordNotFoundException notFound(UUID id) {
		return new RecordNotFoundException("no block-list entry " + id);
	}
}
