package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.takedown.ItemId;

/**
 * Hotline analysts assess items: category, media type and count, the victim-identification flag and a
 * reason. Where the category requires it ({@code eccp.takedown.four-eyes}), a second analyst of the same
 * organisation confirms before a notice may leave; a confirmed illegal assessment makes the item's media
 * hashes known, so the same material is classified again without anyone looking at it.
 */
@Service
public class Assessments {

	static final int MAX_REASON = 4_000;
	static final int MAX_MEDIA_COUNT = 100_000;

	private final ItemAccess access;
	private final ItemRepository items;
	private final AssessmentRepository assessments;
	private final KnownHashes knownHashes;
	private final TakedownProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	Assessments(ItemAccess access, ItemRepository items, AssessmentRepository assessments, KnownHashes knownHashes,
			TakedownProperties properties, AuditTrail audit, Clock clock) {
		this.access = access;
		this.items = items;
		this.assessments = assessments;
		this.knownHashes = knownHashes;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Assessment assess(CallerContext caller, ItemId id, AssessmentDraft draft) {
		items.lock(id);
		StoredItem item = access.handledBy(caller, id);
		Map<String, String> errors = new LinkedHashMap<>();
		ContentCategory category = ContentCategory.parse(draft.category());
		if (category == null) {
			errors.put("category", "validation.takedown.category");
		}
		Assessment.MediaType mediaType = null;
		if (draft.mediaType() != null && !draft.mediaType().isBlank()) {
			try {
				mediaType = Assessment.MediaType.valueOf(draft.mediaType().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				errors.put("mediaType", "validation.takedown.mediaType");
			}
		}
		if (draft.mediaCount() != null && (draft.mediaCount() < 0 || draft.mediaCount() > MAX_MEDIA_COUNT)) {
			errors.put("mediaCount", "validation.takedown.mediaCount");
		}
		String reason = draft.reason() == null ? "" : draft.reason().strip();
		if (reason.isEmpty() || reason.length() > MAX_REASON) {
			errors.put("reason", "validation.takedown.reason");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		if (!item.status().open() && item.status() != ItemStatus.CLOSED) {
			throw new ConflictException("This item is already removed.");
		}
		Instant now = clock.instant();
		boolean needsConfirmation = properties.needsSecondAnalyst(category);
		Assessment assessment = new Assessment(UUID.randomUUID(), id, caller.organisationId(), caller.userId().value(),
				category, mediaType, draft.mediaCount(), Boolean.TRUE.equals(draft.victimIdentification()), reason, false,
				now, needsConfirmation, null, null, false);
		assessments.insert(assessment);
		ItemStatus status = !category.illegal() ? ItemStatus.CLOSED
				: needsConfirmation ? ItemStatus.AWAITING_CONFIRMATION : ItemStatus.ASSESSED;
		items.assessed(id, category, status, now);
		items.addEvent(id, now, caller.organisationId(), caller.userId().value(),
				needsConfirmation ? "ASSESSED_AWAITING_CONFIRMATION" : "ASSESSED", category.name());
		if (!needsConfirmation && category.illegal()) {
			knownHashes.add(items.hashes(id), category, id, caller.organisationId(), now);
		}
		audit.record(AuditEvent.of("takedown.item.assessed", "content-item", id).withDetail("category=" + category
				+ (assessment.victimIdentification() ? " victim-identification" : "")));
		return assessment;
	}

	/** The second analyst confirms a colleague's assessment (four-eyes). */
	@Transactional
	public Assessment confirm(CallerContext caller, ItemId id, UUID assessmentId) {
		items.lock(id);
		access.handledBy(caller, id);
		Assessment assessment = assessments.find(assessmentId).filter(a -> a.item().equals(id))
			.orElseThrow(() -> new RecordNotFoundException("No such assessment."));
		if (!assessment.organisation().equals(caller.organisationId())) {
			throw new AccessDeniedException("only the assessing organisation confirms");
		}
		if (caller.userId().value().equals(assessment.assessedBy())) {
			throw new ConflictException("A second analyst must confirm: you made this assessment yourself.");
		}
		Instant now = clock.instant();
		if (!assessments.confirm(assessmentId, caller.userId().value(), now)) {
			throw new ConflictException("This assessment does not wait for confirmation.");
		}
		items.assessed(id, assessment.category(), ItemStatus.ASSESSED, now);
		items.addEvent(id, now, caller.organisationId(), caller.userId().value(), "CONFIRMED", assessment.category().name());
		knownHashes.add(items.hashes(id), assessment.category(), id, caller.organisationId(), now);
		audit.record(AuditEvent.of("takedown.item.confirmed", "content-item", id).withDetail("assessment=" + assessmentId));
		return assessments.find(assessmentId).orElseThrow();
	}

	/** The item's assessments (every organisation's that took part), newest first. */
	@Transactional(readOnly = true)
	public List<Assessment> of(CallerContext caller, ItemId id) {
		access.visible(caller, id);
		return assessments.ofItem(id);
	}
}
