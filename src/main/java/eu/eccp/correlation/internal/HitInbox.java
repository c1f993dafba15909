package eu.eccp.correlation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.HitSummary;
import eu.eccp.correlation.Hits;
import eu.eccp.correlation.SourceRef;
import eu.eccp.correlation.UnreadHits;
import eu.eccp.indicators.Relation;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * A unit's hits: which of its records matched, on which indicator, which countries and organisations hold
 * related records and whom to contact there (their 24/7 contact point). Never the other records' content;
 * other organisations' TLP:RED records are never listed.
 */
@Service
public class HitInbox implements UnreadHits, Hits {

	static final Role[] RECIPIENTS = { Role.ANALYST, Role.COORDINATOR, Role.HOTLINE_ANALYST };

	private final HitRepository hitRows;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final Clock clock;

	HitInbox(HitRepository hitRows, Organisations organisations, AuditTrail audit, Clock clock) {
		this.hitRows = hitRows;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<Views.HitView> hits(CallerContext caller, boolean unreadOnly, PageRequest page) {
		caller.requireAny(RECIPIENTS);
		Page<HitRepository.HitRow> rows = hitRows.page(caller.organisationId(), unreadOnly, page);
		return new Page<>(withHolders(caller, rows.items()), rows.page(), rows.size(), rows.total());
	}

	@Override
	@Transactional(readOnly = true)
	public long unread(CallerContext caller) {
		return hitRows.countUnread(caller.organisationId());
	}

	/** Opens a hit (marks it read; audited). */
	@Transactional
	public Views.HitView open(CallerContext caller, UUID id) {
		caller.requireAny(RECIPIENTS);
		Views.HitView hit = findView(caller, id).orElseThrow(() -> new RecordNotFoundException("hit"));
		if (hit.readAt() == null) {
			hitRows.markRead(id, clock.instant());
		}
		audit.record(AuditEvent.of("hit.viewed", "hit", id));
		return hit;
	}

	/** The caller's organisation's hits on one of its records (for the record's own page). */
	@Transactional(readOnly = true)
	public List<Views.HitView> forRecord(CallerContext caller, String kind, UUID sourceId) {
		caller.requireAny(RECIPIENTS);
		List<HitRepository.HitRow> rows = hitRows.onRecord(caller.organisationId(), kind, sourceId);
		return withHolders(caller, rows);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<HitSummary> find(CallerContext caller, UUID hitId) {
		return findView(caller, hitId).map(h -> new HitSummary(h.id(), new SourceRef(h.recordKind(), h.recordId()),
				h.indicatorType(), h.indicatorValue(), h.countries(), h.clusterId()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<SourceRef> visibleRecords(CallerContext caller, long clusterId) {
		var visible = RecordVisibility.visible(caller);
		return hitRows.recordsOfCluster(clusterId, visible);
	}

	Optional<Views.HitView> findView(CallerContext caller, UUID id) {
		List<HitRepository.HitRow> rows = hitRows.find(caller.organisationId(), id);
		return withHolders(caller, rows).stream().findFirst();
	}

	/** Reads, for each hit, the records of other countries that carry its indicator (not others' TLP:RED). */
	private List<Views.HitView> withHolders(CallerContext caller, List<HitRepository.HitRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<Views.Holder>> holders = new HashMap<>();
		Map<UUID, Integer> ownDerivation = new HashMap<>();
		rows.forEach(r -> ownDerivation.put(r.id(), r.ownDerivation()));
		Map<UUID, OrganisationView> orgs = new HashMap<>();
		Map<String, Optional<OrganisationView>> contacts = new HashMap<>();
		for (HitRepository.HolderRow holder : hitRows.holders(caller.organisationId(),
				rows.stream().map(HitRepository.HitRow::id).toList())) {
			int link = Math.max(ownDerivation.getOrDefault(holder.hitId(), 0), holder.derivation());
			OrganisationView org = orgs.computeIfAbsent(holder.ownerOrg(),
					o -> organisations.find(new OrganisationId(o)).orElse(null));
			Optional<OrganisationView> contact = contacts.computeIfAbsent(holder.country(), c -> CountryCode.isValid(c)
					? organisations.find(CountryCode.of(c), OrganisationType.CONTACT_POINT).stream().findFirst()
					: Optional.empty());
			holders.computeIfAbsent(holder.hitId(), k -> new ArrayList<>())
				.add(new Views.Holder(holder.recordId(), holder.country(), org == null ? "?" : org.name(),
						contact.map(OrganisationView::name).orElse(null), holder.seenAt(), holder.accessStatus(),
						relation(link), weight(link)));
		}
		return rows.stream().map(r -> {
			List<Views.Holder> of = holders.getOrDefault(r.id(), List.of());
			// the strongest link to any holder (holders come strongest first); without holders, the record's own
			int link = of.isEmpty() ? r.ownDerivation()
					: of.stream().mapToInt(h -> code(h.relation())).min().orElse(r.ownDerivation());
			return new Views.HitView(r.id(), r.kind(), r.recordId(), r.type(), r.value(), of, r.createdAt(), r.readAt(),
					r.clusterId(), relation(link), weight(link));
		}).toList();
	}

	/** A link's relation from the weaker of the two sightings' derivation codes (0: exact). */
	static String relation(int code) {
		return code == 0 ? Views.EXACT : Relation.ofCode(code).name();
	}

	static double weight(int code) {
		return code == 0 ? Relation.EXACT_WEIGHT : Relation.ofCode(code).weight();
	}

	private static int code(String relation) {
		return relation.equals(Views.EXACT) ? 0 : Relation.valueOf(relation).code();
	}
}
