package eu.eccp.contactpoints.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Visibility;
import eu.eccp.shared.Upload;

/**
 * Urgent requests between organisations: sending, the lifecycle transitions of each side, the message
 * thread. Only the requester and the recipient (and platform-wide admins and auditors, read-only, never
 * TLP:RED messages) see a request; for everyone else it does not exist. Every change and every view is
 * audited; every transition tells the other party.
 */
@Service
public class UrgentRequests {

	/** Who may send requests. */
	static final Role[] SENDERS = { Role.ANALYST, Role.CONTACT_POINT_OFFICER, Role.COORDINATOR };

	/** Who may handle requests received by their organisation. */
	static final Role[] HANDLERS = { Role.ANALYST, Role.CONTACT_POINT_OFFICER, Role.PARTNER, Role.COORDINATOR };

	private static final Logger log = LoggerFactory.getLogger(UrgentRequests.class);

	private final RequestRepository requests;
	private final ContactPointDirectory directory;
	private final IdentifierValidation identifiers;
	private final Organisations organisations;
	private final RequestNotices notices;
	private final AttachmentFiles files;
	private final AuditTrail audit;
	private final ContactPointsProperties properties;
	private final JdbcClient jdbc;
	private final Clock clock;

	UrgentRequests(RequestRepository requests, ContactPointDirectory directory, IdentifierValidation identifiers,
			Organisations organisations, RequestNotices notices, AttachmentFiles files, AuditTrail audit,
			ContactPointsProperties properties, JdbcClient jdbc, Clock clock) {
		this.requests = requests;
		this.directory = directory;
		this.identifiers = identifiers;
		this.organisations = organisations;
		this.notices = notices;
		this.files = files;
		this.audit = audit;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public static boolean maySend(CallerContext caller) {
		for (Role role : SENDERS) {
			if (caller.has(role)) {
				return true;
			}
		}
		return false;
	}

	/** The length limits of a request's texts (the forms show them and their errors name them). */
	public static final Map<String, Integer> LIMITS = Map.ofEntries(Map.entry("requestingAuthority", 300),
			Map.entry("offence", 300), Map.entry("facts", 10_000), Map.entry("dataSought", 5_000),
			Map.entry("relationToOffence", 5_000), Map.entry("custodian", 2_000), Map.entry("necessity", 5_000),
			Map.entry("threatToLife", 5_000), Map.entry("note", 5_000), Map.entry("reason", 5_000), Map.entry("body", 20_000));

	@Transactional
	public RequestViews.RequestView send(CallerContext caller, RequestDraft draft) {
		caller.requireAny(SENDERS);
		Map<String, String> errors = new LinkedHashMap<>();
		OrganisationView recipient = recipient(caller, draft.recipient(), errors);
		RequestKind kind = kind(draft.kind(), errors);
		String authority = required(draft.requestingAuthority(), LIMITS.get("requestingAuthority"), "requestingAuthority", errors);
		String offence = required(draft.offence(), LIMITS.get("offence"), "offence", errors);
		String facts = required(draft.facts(), LIMITS.get("facts"), "facts", errors);
		String dataSought = required(draft.dataSought(), LIMITS.get("dataSought"), "dataSought", errors);
		String relation = optional(draft.relationToOffence(), LIMITS.get("relationToOffence"), "relationToOffence", errors);
		String custodian = optional(draft.custodian(), LIMITS.get("custodian"), "custodian", errors);
		String necessity = optional(draft.necessity(), LIMITS.get("necessity"), "necessity", errors);
		String threat = optional(draft.threatToLife(), LIMITS.get("threatToLife"), "threatToLife", errors);
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
		Instant now = now();
		boolean urgent = Boolean.TRUE.equals(draft.urgent()) || kind.alwaysUrgent();
		UrgentRequest request = UrgentRequest.send(requests.nextReference(now), kind, urgent, caller.organisationId(),
				caller.userId(), recipient.id(),
				new RequestDetails(authority, offence, facts, dataSought, relation, custodian, necessity,
						kind == RequestKind.PRESERVATION ? draft.mlaFollowUp() : null, threat, related),
				valid, now, properties.acknowledgeWithin(kind, urgent), properties.fulfilWithin(kind));
		requests.insert(request);
		audit.record(AuditEvent.of("request.sent", "urgent_request", request.id())
			.withDetail("kind=" + kind + " to=" + recipient.id()));
		notices.sent(request, name(caller.organisationId()));
		log.info("urgent request {} ({}) sent to {}", request.id(), kind, recipient.id());
		return view(caller, request, now);
	}

	@Transactional(readOnly = true)
	public RequestViews.RequestLists lists(CallerContext caller) {
		Instant now = now();
		Map<OrganisationId, RequestViews.Party> parties = new HashMap<>();
		return new RequestViews.RequestLists(
				requests.list(caller.organisationId(), false, now, 500).stream()
					.map(r -> summary(r, "INCOMING", r.requester(), now, parties)).toList(),
				requests.list(caller.organisationId(), true, now, 500).stream()
					.map(r -> summary(r, "OUTGOING", r.recipient(), now, parties)).toList());
	}

	/** Opens a request: audited as a view. */
	@Transactional
	public RequestViews.RequestView open(CallerContext caller, RequestId id) {
		UrgentRequest request = visible(caller, id);
		audit.record(AuditEvent.of("request.viewed", "urgent_request", id));
		return view(caller, request, now());
	}

	@Transactional
	public RequestViews.RequestView acknowledge(CallerContext caller, RequestId id) {
		UrgentRequest request = forRecipient(caller, id);
		request.acknowledge(caller.userId(), now(), properties.preservationPeriod());
		return saved(caller, request, "acknowledged", null);
	}

	@Transactional
	public RequestViews.RequestView start(CallerContext caller, RequestId id) {
		UrgentRequest request = forRecipient(caller, id);
		request.start(now());
		return saved(caller, request, "started", null);
	}

	@Transactional
	public RequestViews.RequestView fulfil(CallerContext caller, RequestId id, boolean partially, @Nullable String note) {
		Map<String, String> errors = new LinkedHashMap<>();
		String outcome = optional(note, LIMITS.get("note"), "note", errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		UrgentRequest request = forRecipient(caller, id);
		request.fulfil(caller.userId(), now(), partially, outcome, properties.preservationPeriod());
		return saved(caller, request, partially ? "partially_fulfilled" : "fulfilled", null);
	}

	@Transactional
	public RequestViews.RequestView refuse(CallerContext caller, RequestId id, @Nullable String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 3 || why.length() > LIMITS.get("reason")) {
			throw new InvalidRequestException("reason", "validation.request.reason");
		}
		UrgentRequest request = forRecipient(caller, id);
		request.refuse(caller.userId(), now(), why);
		return saved(caller, request, "refused", null);
	}

	@Transactional
	public RequestViews.RequestView withdraw(CallerContext caller, RequestId id) {
		UrgentRequest request = forRequester(caller, id);
		request.withdraw(caller.userId(), now());
		return saved(caller, request, "withdrawn", null);
	}

	@Transactional
	public RequestViews.RequestView extend(CallerContext caller, RequestId id) {
		UrgentRequest request = forRequester(caller, id);
		request.extend(now(), properties.extensionPeriod());
		return saved(caller, request, "extended", "until=" + request.preservedUntil());
	}

	// --- the message thread ---

	@Transactional
	public List<RequestViews.MessageView> messages(CallerContext caller, RequestId id) {
		visible(caller, id);
		audit.record(AuditEvent.of("request.messages_viewed", "urgent_request", id));
		return thread(caller, id);
	}

	/** Adds a message (with files) to the thread; TLP:RED messages stay within the author's organisation. */
	@Transactional
	public RequestViews.MessageView post(CallerContext caller, RequestId id, @Nullable String body, @Nullable String tlp,
			List<Upload> uploads) {
		UrgentRequest request = party(caller, id);
		// the people who work the request on their side write to its thread, not every account of the organisation
		caller.requireAny(request.requester().equals(caller.organisationId()) ? SENDERS : HANDLERS);
		Map<String, String> errors = new LinkedHashMap<>();
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() || text.length() > LIMITS.get("body")) {
			errors.put("body", "validation.request.messageBody");
		}
		Tlp marking = Tlp.AMBER;
		if (tlp != null && !tlp.isBlank()) {
			try {
				marking = Tlp.parse(tlp);
			}
			catch (IllegalArgumentException e) {
				errors.put("tlp", "validation.request.tlp");
			}
		}
		if (uploads.size() > 10) {
			errors.put("files", "validation.request.tooManyFiles");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		UUID messageId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO request_message (id, request_id, author_org, author_user, author_name, tlp, body, created_at)
				VALUES (:id, :request, :org, :user, :name, :tlp, :body, :now)""")
			.param("id", messageId)
			.param("request", id.value())
			.param("org", caller.organisationId().value())
			.param("user", caller.userId().value())
			.param("name", caller.username())
			.param("tlp", marking.name())
			.param("body", text)
			.param("now", SqlTimes.at(now()))
			.update();
		// a file whose row is not committed (a later failure rolls the message back) is deleted again
		List<AttachmentFiles.Stored> stored = new ArrayList<>();
		for (Upload upload : uploads) {
			AttachmentFiles.Stored file = files.store(id.value(), upload);
			stored.add(file);
			files.deleteOnRollback(id.value(), file);
			jdbc.sql("""
					INSERT INTO request_attachment (id, message_id, request_id, file_name, content_type, size_bytes, sha256)
					VALUES (:id, :message, :request, :name, :type, :size, :sha)""")
				.param("id", file.id())
				.param("message", messageId)
				.param("request", id.value())
				.param("name", file.fileName())
				.param("type", file.contentType())
				.param("size", file.size())
				.param("sha", file.sha256())
				.update();
		}
		audit.record(AuditEvent.of("request.message_posted", "urgent_request", id)
			.withDetail("message=" + messageId + " tlp=" + marking.name() + " files=" + stored.size()));
		if (marking != Tlp.RED) {
			OrganisationId other = caller.organisationId().equals(request.requester()) ? request.recipient()
					: request.requester();
			notices.message(request, other, name(caller.organisationId()));
		}
		return thread(caller, id).stream().filter(m -> m.id().equals(messageId)).findFirst().orElseThrow();
	}

	/** An attachment to stream to the caller, if they may see its message. */
	public record AttachmentDownload(RequestViews.AttachmentView attachment, InputStream content) {
	}

	@Transactional
	public AttachmentDownload download(CallerContext caller, RequestId id, UUID attachmentId) {
		visible(caller, id);
		RequestViews.AttachmentView attachment = thread(caller, id).stream()
			.flatMap(m -> m.attachments().stream())
			.filter(a -> a.id().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("attachment"));
		audit.record(AuditEvent.of("request.attachment_downloaded", "urgent_request", id)
			.withDetail("attachment=" + attachmentId));
		try {
			return new AttachmentDownload(attachment, files.open(id.value(), attachmentId));
		}
		catch (IOException e) {
			throw new RecordNotFoundException("attachment");
		}
	}

	// --- helpers ---

	/** The current moment as the database keeps it (microseconds), so answers match what is stored. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private List<RequestViews.MessageView> thread(CallerContext caller, RequestId id) {
		Map<UUID, List<RequestViews.AttachmentView>> attachments = new HashMap<>();
		jdbc.sql("SELECT * FROM request_attachment WHERE request_id = :id ORDER BY file_name")
			.param("id", id.value())
			.query(rs -> {
				attachments.computeIfAbsent(rs.getObject("message_id", UUID.class), k -> new ArrayList<>())
					.add(new RequestViews.AttachmentView(rs.getObject("id", UUID.class), rs.getString("file_name"),
							rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256")));
			});
		Map<OrganisationId, RequestViews.Party> parties = new HashMap<>();
		return jdbc.sql("""
				SELECT * FROM request_message WHERE request_id = :id AND (author_org = :org OR tlp <> 'RED')
				ORDER BY created_at, id""")
			.param("id", id.value())
			.param("org", caller.organisationId().value())
			.query((rs, n) -> {
				UUID messageId = rs.getObject("id", UUID.class);
				return new RequestViews.MessageView(messageId,
						party(new OrganisationId(rs.getObject("author_org", UUID.class)), parties),
						rs.getString("author_name"), Tlp.valueOf(rs.getString("tlp")).label(), rs.getString("body"),
						SqlTimes.instant(rs, "created_at"), attachments.getOrDefault(messageId, List.of()));
			})
			.list();
	}

	private RequestViews.RequestView saved(CallerContext caller, UrgentRequest request, String what,
			@Nullable String detail) {
		requests.update(request);
		AuditEvent event = AuditEvent.of("request." + what, "urgent_request", request.id());
		audit.record(detail == null ? event : event.withDetail(detail));
		OrganisationId other = caller.organisationId().equals(request.requester()) ? request.recipient()
				: request.requester();
		notices.transition(request, other, what, name(caller.organisationId()));
		return view(caller, request, now());
	}

	private UrgentRequest visible(CallerContext caller, RequestId id) {
		return requests.find(id, Visibility.of(caller)).orElseThrow(() -> new RecordNotFoundException("request"));
	}

	/** The request locked for a change by one of its parties; 404 for everyone else. */
	private UrgentRequest party(CallerContext caller, RequestId id) {
		UrgentRequest request = requests.lockForChange(id)
			.filter(r -> r.requester().equals(caller.organisationId()) || r.recipient().equals(caller.organisationId()))
			.orElseThrow(() -> new RecordNotFoundException("request"));
		return request;
	}

	private UrgentRequest forRecipient(CallerContext caller, RequestId id) {
		UrgentRequest request = party(caller, id);
		if (!request.recipient().equals(caller.organisationId())) {
			throw new AccessDeniedException("only the recipient does this");
		}
		caller.requireAny(HANDLERS);
		return request;
	}

	private UrgentRequest forRequester(CallerContext caller, RequestId id) {
		UrgentRequest request = party(caller, id);
		if (!request.requester().equals(caller.organisationId())) {
			throw new AccessDeniedException("only the requester does this");
		}
		caller.requireAny(SENDERS);
		return request;
	}

	RequestViews.RequestView view(CallerContext caller, UrgentRequest request, Instant now) {
		UrgentRequest.State s = request.state();
		boolean outgoing = s.requester().equals(caller.organisationId());
		boolean incoming = s.recipient().equals(caller.organisationId());
		List<UrgentRequest.Action> actions = new ArrayList<>();
		if (outgoing && maySend(caller)) {
			actions.addAll(request.requesterActions(now));
		}
		if (incoming && mayHandle(caller)) {
			actions.addAll(request.recipientActions());
		}
		Map<OrganisationId, RequestViews.Party> parties = new HashMap<>();
		return new RequestViews.RequestView(s.id().value(), s.reference(), s.kind(), s.urgent(), s.status(),
				outgoing ? "OUTGOING" : incoming ? "INCOMING" : "OVERSIGHT", party(s.requester(), parties),
				party(s.recipient(), parties), s.details(), s.identifiers(), s.sentAt(), s.acknowledgeDue(),
				s.fulfilDue(), s.acknowledgedAt(), s.startedAt(), s.closedAt(), s.outcomeNote(), s.refusalReason(),
				s.preservedUntil(), s.extensions(), s.escalatedAt(), s.escalatedTo(),
				request.isAcknowledgementOverdue(now), request.isFulfilmentOverdue(now),
				request.hasPreservationLapsed(now), actions, origin(s.id()));
	}

	private eu.eccp.contactpoints.PreservationRequests.@Nullable Origin origin(RequestId id) {
		return jdbc.sql("SELECT kind, reference, link FROM urgent_request_origin WHERE request_id = :id")
			.param("id", id.value())
			.query((rs, n) -> new eu.eccp.contactpoints.PreservationRequests.Origin(
					eu.eccp.contactpoints.PreservationRequests.Origin.Kind.valueOf(rs.getString("kind")),
					rs.getString("reference"), rs.getString("link")))
			.optional()
			.orElse(null);
	}

	private static boolean mayHandle(CallerContext caller) {
		for (Role role : HANDLERS) {
			if (caller.has(role)) {
				return true;
			}
		}
		return false;
	}

	private RequestViews.RequestSummary summary(UrgentRequest request, String direction, OrganisationId counterpart,
			Instant now, Map<OrganisationId, RequestViews.Party> parties) {
		UrgentRequest.State s = request.state();
		return new RequestViews.RequestSummary(s.id().value(), s.reference(), s.kind(), s.urgent(), s.status(), direction,
				party(counterpart, parties), s.sentAt(), s.acknowledgeDue(), s.fulfilDue(), s.preservedUntil(),
				request.isAcknowledgementOverdue(now), request.isFulfilmentOverdue(now), s.escalatedAt() != null);
	}

	private RequestViews.Party party(OrganisationId id, Map<OrganisationId, RequestViews.Party> cache) {
		return cache.computeIfAbsent(id, key -> organisations.find(key)
			.map(o -> new RequestViews.Party(o.id().value(), o.name(), o.country().value()))
			.orElse(new RequestViews.Party(key.value(), "?", "")));
	}

	String name(OrganisationId id) {
		return organisations.find(id).map(OrganisationView::name).orElse("?");
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
