package eu.eccp.takedown.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.takedown.ItemId;

/** What callers see of items: listings, an item with its parties, sources, timeline and assessments. */
@Service
public class ItemViews {

	/** An organisation as shown with an item. */
	public record Org(OrganisationId id, String name, String shortName, String country) {
	}

	public record PartyView(Org organisation, String party, Instant since) {
	}

	public record TimelineView(Instant at, @Nullable Org organisation, String kind, @Nullable String detail) {

		/** The assessment category a detail names first ("CSAM_BASELINE", "CSAM_BASELINE: known hash"), for its label. */
		public @Nullable ContentCategory category() {
			if (detail == null) {
				return null;
			}
			int colon = detail.indexOf(':');
			return ContentCategory.parse(colon < 0 ? detail : detail.substring(0, colon));
		}

		/** What the detail says after the category it names, if anything. */
		public @Nullable String afterCategory() {
			int colon = detail == null ? -1 : detail.indexOf(':');
			return colon < 0 || category() == null ? null : detail.substring(colon + 1).strip();
		}
	}

	public record SourceView(String kind, @Nullable String reference, @Nullable Org organisation, String urlAsGiven,
			Instant reportedAt) {
	}

	/** Everything about an item the caller may see. {@code mayAssess}: the caller's organisation handles it now. */
	public record ItemDetail(StoredItem item, Org handler, List<PartyView> parties, List<SourceView> sources,
			List<TimelineView> timeline, List<Assessment> assessments, List<MediaHash> hashes,
			List<LegalityMatrix.Rule> legality, boolean mayAssess) {
	}

	private final ItemAccess access;
	private final ItemRepository items;
	private final AssessmentRepository assessments;
	private final LegalityMatrix legality;
	private final Organisations organisations;
	private final AuditTrail audit;

	ItemViews(ItemAccess access, ItemRepository items, AssessmentRepository assessments, LegalityMatrix legality,
			Organisations organisations, AuditTrail audit) {
		this.access = access;
		this.items = items;
		this.assessments = assessments;
		this.legality = legality;
		this.organisations = organisations;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Page<StoredItem> list(CallerContext caller, @Nullable ItemStatus status, @Nullable String q, boolean handledOnly,
			PageRequest page) {
		return items.list(caller, new ItemRepository.ItemFilter(status, q, handledOnly), page);
	}

	@Transactional
	public ItemDetail detail(CallerContext caller, ItemId id) {
		StoredItem item = access.visible(caller, id);
		Map<OrganisationId, Optional<Org>> names = new HashMap<>();
		List<PartyView> parties = items.parties(id).stream()
			.flatMap(p -> org(names, p.organisation()).map(o -> new PartyView(o, p.party(), p.since())).stream())
			.toList();
		List<SourceView> sources = items.sources(id).stream()
			.map(s -> new SourceView(s.kind(), s.reference(), s.organisation() == null ? null : org(names, s.organisation()).orElse(null),
					s.urlAsGiven(), s.reportedAt()))
			.toList();
		List<TimelineView> timeline = items.timeline(id).stream()
			.map(t -> new TimelineView(t.at(), t.organisation() == null ? null : org(names, t.organisation()).orElse(null),
					t.kind(), t.detail()))
			.toList();
		ContentCategory category = item.category() != null ? item.category() : ContentCategory.likely(item.reportedCategory());
		boolean mayAssess = item.handler().equals(caller.organisationId())
				&& (caller.has(eu.eccp.shared.Role.HOTLINE_ANALYST) || caller.has(eu.eccp.shared.Role.ANALYST));
		audit.record(AuditEvent.of("takedown.item.viewed", "content-item", id)
			.withDetail("relation=" + relation(caller, parties)));
		return new ItemDetail(item, org(names, item.handler()).orElseThrow(), parties, sources, timeline,
				assessments.ofItem(id), items.hashes(id), legality.where(category), mayAssess);
	}

	/** The organisation's name and country, for the de-confliction answer and pages. */
	Optional<Org> org(Map<OrganisationId, Optional<Org>> cache, OrganisationId id) {
		return cache.computeIfAbsent(id, key -> organisations.find(key).map(ItemViews::org));
	}

	public Optional<Org> org(OrganisationId id) {
		return organisations.find(id).map(ItemViews::org);
	}

	static Org org(OrganisationView view) {
		return new Org(view.id(), view.name(), view.shortName(), view.country().value());
	}

	private static String relation(CallerContext caller, List<PartyView> parties) {
		return parties.stream().filter(p -> p.organisation().id().equals(caller.organisationId()))
			.map(p -> p.party().toLowerCase(java.util.Locale.ROOT)).findFirst()
			.orElse(caller.visibility().isPlatformWide() ? "platform" : "none");
	}
}
