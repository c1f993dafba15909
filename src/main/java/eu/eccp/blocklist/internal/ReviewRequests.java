package eu.eccp.blocklist.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.blocklist.isp.ReferenceCode;
import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.organisations.People;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ClientRateLimits;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * Review requests from site owners who reached a stop page (Directive 2011/93/EU Art. 25(2): users told
 * why, redress): the reference code shown there names the entry; the request reaches the block-list
 * officers (the list's owners: a notice to the officer who approved the entry and their organisation, and
 * the officers' review list), who must answer within {@code review-answer-within}. Upholding keeps the
 * entry; withdrawing takes it off every list at once.
 */
@Service
public class ReviewRequests {

	/** The answer's deadline in a notice title: international and unambiguous in every language. */
	private static final DateTimeFormatter ANSWER_DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final ReviewRepository reviews;

	private final EntryRepository entries;

	private final BlockListEntries lifecycle;

	private final AuditTrail audit;

	private final Clock clock;

	private final BlockListProperties properties;

	private final People people;

	private final Notifications notifications;

	/** Review requests per client address and hour (the public stop page and API share them). */
	private final ClientRateLimits rateLimits = new ClientRateLimits(100_000);

	ReviewRequests(ReviewRepository reviews, EntryRepository entries, BlockListEntries lifecycle, AuditTrail audit, Clock clock,
			BlockListProperties properties, People people, Notifications notifications) {
		this.people = people;
		this.notifications = notifications;
		this.reviews = reviews;
		this.entries = entries;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	@eu.eccp.shared.Labelled("blocklist.review.outcome")
	public enum Outcome {
		UPHELD, WITHDRAWN
	}

	public record ReviewReceived(UUID id, Instant answerDue) {
	}

	public record ReviewView(UUID id, UUID entryId, String referenceCode, String contact, String message,
			Instant receivedAt, Instant answerDue, boolean overdue, @Nullable Instant answeredAt, @Nullable Outcome outcome,
			@Nullable String answer) {
	}

	/** What a stop page shows: the entry's reference code and its text in the reader's language. */
	public record StopPageView(String referenceCode, String text, String category, String reasonCode) {
	}

	@Transactional(readOnly = true)
	public Optional<StopPageView> stopPage(String referenceCode, String language) {
		long value = ReferenceCode.parse(referenceCode);
		if (value < 0) {
			return Optional.empty();
		}
		return entries.findByReference(ReferenceCode.format(value))
			.filter(e -> e.status() == EntryStatus.PUBLISHED)
			.map(e -> new StopPageView(e.referenceCode(), e.stopText(language), e.category(), e.reasonCode()));
	}

	/**
	 * A site owner's request (no account needed), limited per client address ({@code review-requests-per-hour};
	 * {@link eu.eccp.shared.TooManyRequestsException} past it, before anything is read or stored).
	 */
	@Transactional
	public ReviewReceived ask(@Nullable String referenceCode, @Nullable String contact, @Nullable String message,
			String client) {
		rateLimits.acquire("blocklist-review", client, properties.reviewRequestsPerHour());
		Map<String, String> errors = new LinkedHashMap<>();
		long value = referenceCode == null ? -1 : ReferenceCode.parse(referenceCode);
		Entry entry = value < 0 ? null : entries.findByReference(ReferenceCode.format(value)).orElse(null);
		if (entry == null || entry.status() != EntryStatus.PUBLISHED) {
			errors.put("referenceCode", "blocklist.error.reference");
		}
		if (contact == null || contact.isBlank() || contact.length() > 320) {
			errors.put("contact", "blocklist.error.contact");
		}
		if (message == null || message.isBlank() || message.length() > 4000) {
			errors.put("message", "blocklist.error.message");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		Instant due = now.plus(properties.reviewAnswerWithin());
		reviews.insert(id, entry.id(), contact.strip(), message.strip(), now, due);
		audit.record(AuditActor.anonymous("site owner (review page)"),
				new AuditEvent("blocklist.review.requested", "blocklist-entry", entry.id().toString(), null, true));
		// the officer who approved the entry, and their organisation, own it: they are told at once
		if (entry.decidedBy() != null) {
			people.find(entry.decidedBy()).ifPresent(officer -> notifications.send(Notice.of(officer.organisationId(),
					"blocklist.review_requested", "/blocklist", entry.referenceCode(), ANSWER_DUE.format(due))
				.forPerson(officer.id())
				.with("reviewId", id)
				.with("referenceCode", entry.referenceCode())));
		}
		return new ReviewReceived(id, due);
	}

	@Transactional
	public List<ReviewView> list(CallerContext caller, boolean openOnly) {
		caller.requireAny(Role.BLOCKLIST_OFFICER);
		List<ReviewView> found = reviews.list(openOnly, clock.instant());
		audit.record(new AuditEvent("blocklist.reviews.viewed", "blocklist-review", null, "count=" + found.size(), true));
		return found;
	}

	@Transactional
	public void answer(CallerContext caller, UUID id, @Nullable Outcome outcome, @Nullable String answer) {
		caller.requireAny(Role.BLOCKLIST_OFFICER);
		if (outcome == null) {
			throw new InvalidRequestException("outcome", "blocklist.error.outcome");
		}
		if (answer == null || answer.isBlank() || answer.length() > 4000) {
			throw new InvalidRequestException("answer", "blocklist.error.message");
		}
		UUID entry = reviews.lockUnanswered(id)
			.orElseThrow(() -> reviews.exists(id) ? new ConflictException("the review request is already answered")
					: new RecordNotFoundException("no review request " + id));
		reviews.answer(id, clock.instant(), caller.userId(), outcome, answer.strip());
		audit.record(new AuditEvent("blocklist.review.answered", "blocklist-review", id.toString(), outcome.name(), false));
		if (outcome == Outcome.WITHDRAWN) {
			entries.find(entry).filter(e -> e.status() == EntryStatus.PUBLISHED)
				.ifPresent(e -> lifecycle.withdraw(caller, entry, "withdrawn on review " + id));
		}
	}
}
