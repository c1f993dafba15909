package eu.eccp.correlation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.RecordAccessGranted;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;

/**
 * After a hit, a unit may ask the owner of the related record for access; the owner grants or declines.
 * A grant makes exactly that record visible to the requesting organisation (announced with
 * {@link RecordAccessGranted} for the module that owns the record). TLP:RED records are never granted.
 */
@Service
public class AccessRequests {

	private final AccessRequestRepository requests;
	private final HitInbox hits;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccessRequests(AccessRequestRepository requests, HitInbox hits, Organisations organisations, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.hits = hits;
		this.organisations = organisations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Asks for access to one of the records a hit names ({@code holder}, the handle of the hit's holder;
	 * optional when the hit names just one).
	 */
	@Transactional
	public Views.AccessRequestView request(CallerContext caller, UUID hitId, @Nullable String reason,
			@Nullable Long holder) {
		caller.requireAny(HitInbox.RECIPIENTS);
		Views.HitView hit = hits.findView(caller, hitId).orElseThrow(() -> new RecordNotFoundException("hit"));
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 5 || why.length() > 2_000) {
			throw new InvalidRequestException("reason", "validation.accessReason");
		}
		Long target = holder != null ? hit.holders().stream().map(Views.Holder::handle).filter(holder::equals).findFirst()
			.orElse(null) : hit.holders().size() == 1 ? hit.holders().get(0).handle() : null;
		if (target == null) {
			throw new InvalidRequestException("holder", "validation.accessHolder");
		}
		AccessRequestRepository.RecordOwner record = requests.ownerOf(target);
		UUID id = UUID.randomUUID();
		try {
			requests.insert(id, caller.organisationId(), caller.userId().value(), record, hitId, why, clock.instant());
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("Your organisation has already asked for access to this record.");
		}
		audit.record(AuditEvent.of("access.requested", "access_request", id).withDetail("hit=" + hitId));
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Views.AccessRequestView> incoming(CallerContext caller) {
		caller.requireAny(HitInbox.RECIPIENTS);
		return views(requests.incoming(caller.organisationId()));
	}

	@Transactional(readOnly = true)
	public List<Views.AccessRequestView> outgoing(CallerContext caller) {
		caller.requireAny(HitInbox.RECIPIENTS);
		return views(requests.outgoing(caller.organisationId()));
	}

	@Transactional
	public Views.AccessRequestView grant(CallerContext caller, UUID id, @Nullable String note) {
		return decide(caller, id, "GRANTED", note);
	}

	@Transactional
	public Views.AccessRequestView decline(CallerContext caller, UUID id, @Nullable String note) {
		return decide(caller, id, "DECLINED", note);
	}

	private Views.AccessRequestView decide(CallerContext caller, UUID id, String decision, @Nullable String note) {
		caller.requireAny(HitInbox.RECIPIENTS);
		Views.AccessRequestView request = find(id).filter(r -> r.ownerId().equals(caller.organisationId().value()))
			.orElseThrow(() -> new RecordNotFoundException("access request"));
		if (!request.status().equals("PENDING")) {
			throw new ConflictException("This request was already " + request.status().toLowerCase() + ".");
		}
		String tlp = requests.recordTlp(id);
		if (decision.equals("GRANTED") && tlp.equals("RED")) {
			throw new ConflictException("TLP:RED records never leave their owner.");
		}
		Instant now = clock.instant();
		requests.decide(id, decision, caller.userId().value(), note == null || note.isBlank() ? null : note.strip(), now);
		if (decision.equals("GRANTED")) {
			events.publishEvent(new RecordAccessGranted(request.recordKind(), request.recordId(),
					new OrganisationId(request.requesterId())));
		}
		audit.record(AuditEvent.of(decision.equals("GRANTED") ? "access.granted" : "access.declined", "access_request", id)
			.withDetail("to=" + request.requesterId()));
		return find(id).orElseThrow();
	}

	private List<Views.AccessRequestView> views(List<AccessRequestRepository.StoredRequest> stored) {
		Map<UUID, String> names = new HashMap<>();
		return stored.stream().map(request -> view(request, names)).toList();
	}

	private Optional<Views.AccessRequestView> find(UUID id) {
		return requests.find(id).map(request -> view(request, new HashMap<>()));
	}

	private Views.AccessRequestView view(AccessRequestRepository.StoredRequest r, Map<UUID, String> names) {
		return new Views.AccessRequestView(r.id(), r.requesterOrg(), name(r.requesterOrg(), names), r.recordKind(),
				r.recordId(), r.ownerOrg(), name(r.ownerOrg(), names), r.reason(), r.status(), r.decisionNote(), r.createdAt(),
				r.decidedAt());
	}

	private String name(UUID org, Map<UUID, String> names) {
		return names.computeIfAbsent(org, o -> organisations.find(new OrganisationId(o)).map(OrganisationView::name).orElse("?"));
	}
}
