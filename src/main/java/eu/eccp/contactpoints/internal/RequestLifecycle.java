package eu.eccp.contactpoints.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.contactpoints.RequestId;
import eu.eccp.contactpoints.RequestKind;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Visibility;

/**
 * The life of an urgent request: sending it (every field checked, the recipient must have a directory entry) and
 * each side's transitions — the recipient acknowledges, starts, fulfils (partially) or refuses; the requester
 * withdraws or extends a preservation. The request itself guards which transition is allowed when
 * ({@link UrgentRequest}); here each one is authorised, saved, audited and told to the other party.
 */
@Service
public class RequestLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RequestLifecycle.class);

	private final RequestRepository requests;
	private final RequestAccess access;
	private final RequestPresentation presentation;
	private final ContactPointDirectory directory;
	private final IdentifierValidation identifiers;
	private final Organisations organisations;
	private final RequestNotices notices;
	private final AuditTrail audit;
	private final ContactPointsProperties properties;
	private final Clock clock;

	RequestLifecycle(RequestRepository requests, RequestAccess access, RequestPresentation presentation,
			ContactPointDirectory directory, IdentifierValidation identifiers, Organisations organisations,
			RequestNotices notices, AuditTrail audit, ContactPointsProperties properties, Clock clock) {
		this.requests = requests;
		this.access = access;
		this.presentation = presentation;
		this.directory = directory;
		this.identifiers = identifiers;
		this.organisations = organisations;
		this.notices = notices;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public RequestViews.RequestView send(CallerContext caller, RequestDraft draft) {
		caller.requireAny(RequestAccess.SENDERS);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Integer> limits = UrgentRequests.LIMITS;
		OrganisationView recipient = recipient(caller, draft.recipient(), errors);
		RequestKind kind = kind(draft.kind(), errors);
		String authority = required(draft.requestingAuthority(), limits.get("requestingAuthority"), "requestingAuthority", errors);
		String offence = required(draft.offence(), limits.get("offence"), "offence", errors);
		String facts = required(draft.facts(), limits.get("facts"), "facts", errors);
		String dataSought = required(draft.dataSought(), limits.get("dataSought"), "dataSought", errors);
		String relation = optional(draft.relationToOffence(), limits.get("relationToOffence"), "relationToOffence", errors);
		String custodian = optional(draft.custodian(), limits.get("custodian"), "custodian", errors);
		String necessity = optional(draft.necessity(), limits.get("necessity"), "necessity", errors);
		String threat = optional(draft.threatToLife(), limits.get("threatToLife"), "threatToLife", errors);
		UUID related = related(caller, draft.relatedRequest(), errors);
		if (kind == RequestKind.PRESERVATION || kind == RequestKind.DISCLOSURE) {
			requireFor(relation, "relationToOffence", errors);
		}
		if (kind == RequestKind.PRESERVATION) {
			requireFor(custodian, "custodian", errors);
			requireFor(necessity, "necessity", errors);
			if (draft.mlaFollowUp() == null) {
				errors.putIfAbsent("mlaFollowUp", "validation.request.mlaFollowUp");
			}
		}
		if (kind == RequestKind.EMERGENCY) {
			requireFor(threat, "threatToLife", errors);
		}
		List<IdentifierInput> inputs = draft.identifiers() == null ? List.of()
				: draft.identifiers().stream().filter(i -> i != null).toList();
		List<Identifier> valid = identifiers.validate(inputs,
				recipient == null ? caller.country().value() : recipient.country().value(), "identifiers", errors);
		if (kind != null && kind != RequestKind.MUTUAL_ASSISTANCE && inputs.isEmpty()) {
			errors.putIfAbsent("identifiers", "validation.request.identifiers");
		}
		if (!errors.isEmpty() || recipient == null || kind == null) {
			throw new InvalidRequestException(errors);
		}
		Instant now = UrgentRequest.now(clock);
		boolean urgent = Boolean.TRUE.equals(draft.urgent()) || kind.alwaysUrgent();
		UrgentRequest request = UrgentRequest.send(requests.nextReference(now), kind, urgent, caller.organisationId(),
				caller.userId(), recipient.id(),
				new RequestDetails(authority, offence, facts, dataSought, relation, custodian, necessity,
						kind == RequestKind.PRESERVATION ? draft.mlaFollowUp() : null, threat, related),
				valid, now, properties.acknowledgeWithin(kind, urgent), properties.fulfilWithin(kind));
		requests.insert(request);
		audit.record(AuditEvent.of("request.sent", "urgent_request", request.id())
			.withDetail("kind=" + kind + " to=" + recipient.id()));
		notices.sent(request, presentation.name(caller.organisationId()));
		log.info("urgent request {} ({}) sent to {}", request.id(), kind, recipient.id());
		return presentation.view(caller, request, now);
	}

	@Transactional
	public RequestViews.RequestView acknowledge(CallerContext caller, RequestId id) {
		UrgentRequest request = access.forRecipient(caller, id);
		request.acknowledge(caller.userId(), UrgentRequest.now(clock), properties.preservationPeriod());
		return saved(caller, request, "acknowledged", null);
	}

	@Transactional
	public RequestViews.RequestView start(CallerContext caller, RequestId id) {
		UrgentRequest request = access.forRecipient(caller, id);
		request.start(UrgentRequest.now(clock));
		return saved(caller, request, "started", null);
	}

	@Transactional
	public RequestViews.RequestView fulfil(CallerContext caller, RequestId id, boolean partially, @Nullable String note) {
		Map<String, String> errors = new LinkedHashMap<>();
		String outcome = optional(note, UrgentRequests.LIMITS.get("note"), "note", errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		UrgentRequest request = access.forRecipient(caller, id);
		request.fulfil(caller.userId(), UrgentRequest.now(clock), partially, outcome, properties.preservationPeriod());
		return saved(caller, request, partially ? "partially_fulfilled" : "fulfilled", null);
	}

	@Transactional
	public RequestViews.RequestView refuse(CallerContext caller, RequestId id, @Nullable String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 3 || why.length() > UrgentRequests.LIMITS.get("reason")) {
			throw new InvalidRequestException("reason", "validation.request.reason");
		}
		UrgentRequest request = access.forRecipient(caller, id);
		request.refuse(caller.userId(), UrgentRequest.now(clock), why);
		return saved(caller, request, "refused", null);
	}

	@Transactional
	public RequestViews.RequestView withdraw(CallerContext caller, RequestId id) {
		UrgentRequest request = access.forRequester(caller, id);
		request.withdraw(caller.userId(), UrgentRequest.now(clock));
		return saved(caller, request, "withdrawn", null);
	}

	@Transactional
	public RequestViews.RequestView extend(CallerContext caller, RequestId id) {
		UrgentRequest request = access.forRequester(caller, id);
		request.extend(UrgentRequest.now(clock), properties.extensionPeriod());
		return saved(caller, request, "extended", "until=" + request.preservedUntil());
	}

	/** Saves a transition, audits it as {@code request.<what>} and tells the other party (notice topic of that name). */
	private RequestViews.RequestView saved(CallerContext caller, UrgentRequest request, String what,
			@Nullable String detail) {
		requests.update(request);
		AuditEvent event = AuditEvent.of("request." + what, "urgent_request", request.id());
		audit.record(detail == null ? event : event.withDetail(detail));
		OrganisationId other = request.otherParty(caller.organisationId());
		notices.transition(request, other, what, presentation.name(caller.organisationId()));
		return presentation.view(caller, request, UrgentRequest.now(clock));
	}

	private @Nullable OrganisationView recipient(CallerContext caller, @Nullable String text, Map<String, String> errors) {
		String value = IdentifierValidation.blankToNull(text);
		Optional<OrganisationView> org = Optional.empty();
		if (value != null) {
			try {
				org = organisations.find(new OrganisationId(UUID.fromString(value)));
			}
			catch (IllegalArgumentException e) {
				org = organisations.findByShortName(value);
			}
		}
		if (org.isEmpty() || org.get().id().equals(caller.organisationId()) || !directory.hasEntry(org.get().id())) {
			errors.put("recipient", "validation.request.recipient");
			return null;
		}
		return org.get();
	}

	private @Nullable UUID related(CallerContext caller, @Nullable String text, Map<String, String> errors) {
		String value = IdentifierValidation.blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			RequestId id = new RequestId(UUID.fromString(value));
			if (requests.find(id, Visibility.of(caller)).filter(r -> r.requester().equals(caller.organisationId()))
				.isPresent()) {
				return id.value();
			}
		}
		catch (IllegalArgumentException e) {
			// not an id: answered below
		}
		errors.put("relatedRequest", "validation.request.relatedRequest");
		return null;
	}

	private static @Nullable RequestKind kind(@Nullable String text, Map<String, String> errors) {
		String value = IdentifierValidation.blankToNull(text);
		try {
			if (value != null) {
				return RequestKind.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
			}
		}
		catch (IllegalArgumentException e) {
			// answered below
		}
		errors.put("kind", "validation.request.kind");
		return null;
	}

	private static String required(@Nullable String text, int max, String field, Map<String, String> errors) {
		String value = IdentifierValidation.blankToNull(text);
		if (value == null) {
			errors.put(field, "validation.request.required");
			return "";
		}
		if (value.length() > max) {
			errors.put(field, "validation.tooLong");
		}
		return value;
	}

	private static @Nullable String optional(@Nullable String text, int max, String field, Map<String, String> errors) {
		String value = IdentifierValidation.blankToNull(text);
		if (value != null && value.length() > max) {
			errors.put(field, "validation.tooLong");
		}
		return value;
	}

	private static void requireFor(@Nullable String value, String field, Map<String, String> errors) {
		if (value == null) {
			errors.putIfAbsent(field, "validation.request.required");
		}
	}
}
