package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.takedown.ItemId;

/**
 * Notices and removal orders to the host, and the host's answers. A notice leaves only for an item assessed as
 * illegal and confirmed where four-eyes applies; a removal order is issued by a competent authority (an analyst
 * of a national unit or EU body) for terrorist content. Hosts on the platform get it in their inbox (and
 * webhooks); others by e-mail. The host (or the sender, for an answer that came by e-mail) records receipt,
 * acknowledgement, removal, refusal with a reason, or a counter-notice.
 */
@Service
public class Notices {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]{2,63}");

	private final ItemAccess access;
	private final ItemRepository items;
	private final NoticeRepository notices;
	private final NoticeLetters letters;
	private final NoticeMailer mailer;
	private final Organisations organisations;
	private final TakedownNotices notifications;
	private final TakedownProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	Notices(ItemAccess access, ItemRepository items, NoticeRepository notices, NoticeLetters letters, NoticeMailer mailer,
			Organisations organisations, TakedownNotices notifications, TakedownProperties properties, AuditTrail audit,
			Clock clock) {
		this.access = access;
		this.items = items;
		this.notices = notices;
		this.letters = letters;
		this.mailer = mailer;
		this.organisations = organisations;
		this.notifications = notifications;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public StoredNotice send(CallerContext caller, ItemId id, NoticeDraft draft) {
		items.lock(id);
		StoredNotice.Kind kind = parseKind(draft.kind());
		StoredItem item = kind == StoredNotice.Kind.REMOVAL_ORDER ? authorityFor(caller, id) : access.handledBy(caller, id);
		ContentCategory category = item.category();
		if (kind == StoredNotice.Kind.NOTICE) {
			if (item.status() != ItemStatus.ASSESSED || category == null || !category.illegal()) {
				throw new ConflictException("Only an item assessed as illegal (and confirmed where required) is notified.");
			}
		}
		else {
			boolean terrorist = category == ContentCategory.TERRORIST_CONTENT
					|| (category == null && item.reportedCategory() == eu.eccp.takedown.ReportedCategory.TERRORIST_CONTENT);
			if (!terrorist || !item.status().open() || item.status() == ItemStatus.AWAITING_CONFIRMATION) {
				throw new ConflictException("Removal orders concern open items of terrorist content.");
			}
			category = ContentCategory.TERRORIST_CONTENT;
		}
		HostingLocation hosting = item.hosting();
		if (hosting == null || (hosting.hostOrganisation() == null && hosting.abuseEmail() == null)) {
			throw new ConflictException("Record the host (on the platform, or its abuse address) first.");
		}
		Map<String, Object> fields = fields(kind, draft, category);
		String language = language(draft.language(), hosting);
		Instant now = clock.instant();
		String reference = notices.nextReference(now);
		Instant deadline = now.plus(kind == StoredNotice.Kind.REMOVAL_ORDER ? properties.removalOrderDeadline()
				: properties.deadlineFor(category));
		OrganisationView sender = organisations.find(caller.organisationId()).orElseThrow();
		boolean onPlatform = hosting.hostOrganisation() != null;
		NoticeLetters.Letter letter = letters.write(kind, reference, language, item, category, sender.name(), fields, now,
				deadline, onPlatform);
		StoredNotice notice = new StoredNotice(UUID.randomUUID(), reference, id, kind, caller.organisationId(),
				caller.userId().value(), hosting.hostOrganisation(), onPlatform ? null : hosting.abuseEmail(),
				onPlatform ? StoredNotice.Delivery.PLATFORM : StoredNotice.Delivery.EMAIL, language, category, fields,
				letter.subject(), letter.body(), letter.xarf(), StoredNotice.Status.SENT, now, deadline, null, null, null, null,
				null, null, null, null, onPlatform ? null : "PENDING");
		notices.insert(notice);
		items.updateStatus(id, ItemStatus.NOTICE_SENT, now);
		items.milestone(id, "notice_sent_at", now);
		items.addEvent(id, now, caller.organisationId(), caller.userId().value(),
				kind == StoredNotice.Kind.NOTICE ? "NOTICE_SENT" : "ORDER_SENT", reference);
		if (onPlatform) {
			items.addParty(id, hosting.hostOrganisation(), "HOST", now);
			notifications.send(hosting.hostOrganisation(), "takedown.notice.received", "/takedown/notices/" + notice.id(),
					kind == StoredNotice.Kind.REMOVAL_ORDER, "takedown.notice.receivedTitle." + kind, reference, sender.name());
		}
		else {
			mailer.wakeAfterCommit();
		}
		audit.record(AuditEvent.of(kind == StoredNotice.Kind.NOTICE ? "takedown.notice.sent" : "takedown.order.issued",
				"takedown-notice", notice.id()).withDetail("item=" + id + " delivery=" + notice.delivery()));
		return notice;
	}

	@Transactional
	public StoredNotice answer(CallerContext caller, UUID noticeId, StoredNotice.Answer answer, @Nullable String text) {
		StoredNotice visible = notices.find(caller, noticeId).orElseThrow(() -> new RecordNotFoundException("No such notice."));
		items.lock(visible.item());
		StoredNotice notice = notices.findForUpdate(noticeId).orElseThrow();
		boolean host = notice.host() != null && notice.host().equals(caller.organisationId())
				&& (caller.has(Role.PARTNER) || caller.has(Role.ADMIN));
		boolean senderForHost = notice.sender().equals(caller.organisationId())
				&& (caller.has(Role.HOTLINE_ANALYST) || caller.has(Role.ANALYST) || caller.has(Role.COORDINATOR));
		if (!host && !senderForHost) {
			throw new AccessDeniedException("only the host, or the sender for a host answering by e-mail, answers");
		}
		String value = text == null || text.isBlank() ? null : text.strip();
		if ((answer == StoredNotice.Answer.REFUSE || answer == StoredNotice.Answer.COUNTER_NOTICE)
				&& (value == null || value.length() > 10_000)) {
			throw new InvalidRequestException(answer == StoredNotice.Answer.REFUSE ? "reason" : "text",
					"validation.takedown.answerText");
		}
		boolean allowed = switch (answer) {
			case RECEIPT -> notice.receivedAt() == null;
			case ACKNOWLEDGE -> notice.status() == StoredNotice.Status.SENT;
			case REMOVED, REFUSE -> notice.status().open();
			case COUNTER_NOTICE -> notice.counterNoticeAt() == null;
		};
		if (!allowed) {
			throw new ConflictException("This answer does not fit the notice's state.");
		}
		Instant now = clock.instant();
		notices.answer(noticeId, answer, now, value);
		ItemId item = notice.item();
		switch (answer) {
			case ACKNOWLEDGE -> items.milestone(item, "acknowledged_at", now);
			case REMOVED -> {
				items.milestone(item, "acknowledged_at", now);
				items.milestone(item, "removed_at", now);
				items.updateStatus(item, ItemStatus.REMOVED, now);
			}
			case REFUSE -> items.updateStatus(item, ItemStatus.REFUSED, now);
			default -> {
			}
		}
		items.addEvent(item, now, caller.organisationId(), caller.userId().value(), "HOST_" + answer,
				notice.reference() + (answer == StoredNotice.Answer.REFUSE ? ": " + value : ""));
		if (host) {
			notifications.send(notice.sender(), "takedown.notice.answered", "/takedown/items/" + item, false,
					"takedown.notice.answeredTitle." + answer, notice.reference());
		}
		audit.record(AuditEvent.of("takedown.notice." + answer.name().toLowerCase(Locale.ROOT), "takedown-notice", noticeId)
			.withDetail(host ? "by=host" : "by=sender-for-host"));
		return notices.findForUpdate(noticeId).orElseThrow();
	}

	@Transactional
	public StoredNotice view(CallerContext caller, UUID id) {
		StoredNotice notice = notices.find(caller, id).orElseThrow(() -> new RecordNotFoundException("No such notice."));
		audit.record(AuditEvent.of("takedown.notice.viewed", "takedown-notice", id));
		return notice;
	}

	@Transactional(readOnly = true)
	public List<StoredNotice> ofItem(CallerContext caller, ItemId id) {
		access.visible(caller, id);
		return notices.ofItem(id);
	}

	/** The caller's organisation's notices: received as host, and sent. */
	@Transactional(readOnly = true)
	public List<StoredNotice> received(CallerContext caller) {
		return notices.addressedTo(caller.organisationId(), 200);
	}

	@Transactional(readOnly = true)
	public List<StoredNotice> sent(CallerContext caller) {
		return notices.sentBy(caller.organisationId(), 200);
	}

	/** A competent authority: an analyst or coordinator of a national unit or EU body who sees the item. */
	private StoredItem authorityFor(CallerContext caller, ItemId id) {
		StoredItem item = access.visible(caller, id);
		caller.requireAny(Role.ANALYST, Role.COORDINATOR);
		OrganisationType type = organisations.find(caller.organisationId()).map(OrganisationView::type).orElseThrow();
		if (type != OrganisationType.NATIONAL_UNIT && type != OrganisationType.EU_BODY) {
			throw new AccessDeniedException("removal orders are issued by competent authorities");
		}
		return item;
	}

	private static StoredNotice.Kind parseKind(@Nullable String text) {
		try {
			return StoredNotice.Kind.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("kind", "validation.takedown.noticeKind");
		}
	}

	private static Map<String, Object> fields(StoredNotice.Kind kind, NoticeDraft draft, ContentCategory category) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> fields = new LinkedHashMap<>();
		if (kind == StoredNotice.Kind.NOTICE) {
			put(fields, errors, "explanation", draft.explanation(), 10_000, true);
			// DSA Art. 16(2)(c): name and e-mail of the notifier, except for offences of Directive 2011/93/EU (CSAM)
			put(fields, errors, "notifierName", draft.notifierName(), 200, !category.csam());
			put(fields, errors, "notifierEmail", draft.notifierEmail(), 254, !category.csam());
			if (fields.get("notifierEmail") != null && !EMAIL.matcher((String) fields.get("notifierEmail")).matches()) {
				errors.put("notifierEmail", "validation.email");
			}
			if (!Boolean.TRUE.equals(draft.goodFaith())) {
				errors.put("goodFaith", "validation.takedown.goodFaith");
			}
			fields.put("goodFaith", true);
		}
		else {
			put(fields, errors, "issuingAuthority", draft.issuingAuthority(), 300, true);
			put(fields, errors, "authorityReference", draft.authorityReference(), 200, true);
			put(fields, errors, "authorityContact", draft.authorityContact(), 300, true);
			put(fields, errors, "reasons", draft.reasons(), 10_000, true);
			put(fields, errors, "redress", draft.redress(), 5_000, true);
			put(fields, errors, "additionalInformation", draft.additionalInformation(), 5_000, false);
		}
		if (draft.language() != null && !draft.language().isBlank()
				&& !Hosting.LANGUAGES.contains(draft.language().strip().toLowerCase(Locale.ROOT))) {
			errors.put("language", "validation.takedown.language");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return fields;
	}

	private static void put(Map<String, Object> fields, Map<String, String> errors, String name, @Nullable String value,
			int max, boolean required) {
		String text = value == null || value.isBlank() ? null : value.strip();
		if (text == null) {
			if (required) {
				errors.put(name, "validation.takedown.required");
			}
			return;
		}
		if (text.length() > max) {
			errors.put(name, "validation.tooLong");
		}
		fields.put(name, text);
	}

	private static String language(@Nullable String asked, HostingLocation hosting) {
		if (asked != null && !asked.isBlank()) {
			return asked.strip().toLowerCase(Locale.ROOT);
		}
		return hosting.language() != null ? hosting.language() : "en";
	}
}
