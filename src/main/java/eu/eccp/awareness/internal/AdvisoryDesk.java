package eu.eccp.awareness.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.awareness.AdvisoryId;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * Writes, reviews, publishes and withdraws advisories. Authors are coordinators and the analysts of national
 * units and EU bodies; any of them may approve another's advisory (four-eyes), never their own. Every change is
 * recorded in the audit trail; an approval publishes the public edition (CAP Alert or Update) and queues the
 * e-mails to its subscribers in the same transaction.
 */
@Service
public class AdvisoryDesk {

	private final AdvisoryRepository advisories;
	private final AdvisoryValidation validation;
	private final SuggestionRepository suggestions;
	private final SubscriptionMail mail;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final Clock clock;

	AdvisoryDesk(AdvisoryRepository advisories, AdvisoryValidation validation, SuggestionRepository suggestions,
			SubscriptionMail mail, Organisations organisations, AuditTrail audit, Clock clock) {
		this.advisories = advisories;
		this.validation = validation;
		this.suggestions = suggestions;
		this.mail = mail;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the caller writes and reviews advisories: a coordinator, or an analyst of a national unit or EU body. */
	public boolean isAuthor(CallerContext caller) {
		if (caller.has(Role.COORDINATOR)) {
			return true;
		}
		if (!caller.has(Role.ANALYST)) {
			return false;
		}
		OrganisationType type = organisations.find(caller.organisationId()).map(o -> o.type()).orElse(null);
		return type == OrganisationType.NATIONAL_UNIT || type == OrganisationType.EU_BODY;
	}

	public CallerContext requireAuthor(CallerContext caller) {
		if (!isAuthor(caller)) {
			throw new AccessDeniedException("only coordinators and national units write advisories");
		}
		return caller;
	}

	@Transactional
	public Advisory create(CallerContext caller, AdvisoryDraft draft) {
		requireAuthor(caller);
		Instant now = clock.instant();
		AdvisoryValidation.ValidDraft valid = validation.validate(draft, now);
		UUID suggestion = draft.suggestion() != null && suggestions.find(draft.suggestion()).isPresent() ? draft.suggestion()
				: null;
		Advisory advisory = new Advisory(AdvisoryId.random(), advisories.nextReference(now), valid.offence(),
				valid.countries(), AdvisoryStatus.DRAFT, valid.expiresAt(), caller.userId(), caller.organisationId(),
				caller.userId(), null, null, suggestion, 0, null, null, null, now, now, valid.texts());
		advisories.insert(advisory);
		if (suggestion != null) {
			suggestions.markUsed(suggestion, advisory.id());
		}
		audit.record(AuditEvent.of("advisory.created", "advisory", advisory.id().value())
			.withDetail(advisory.reference() + " languages=" + valid.texts().keySet()));
		return advisory;
	}

	@Transactional
	public Advisory update(CallerContext caller, AdvisoryId id, AdvisoryDraft draft) {
		requireAuthor(caller);
		Advisory current = locked(id);
		Instant now = clock.instant();
		AdvisoryValidation.ValidDraft valid = validation.validate(draft, now);
		Advisory changed = current.edited(caller.userId(), valid.offence(), valid.countries(), valid.expiresAt(),
				valid.texts(), now);
		advisories.update(changed);
		advisories.saveWorkingTexts(changed);
		audit.record(AuditEvent.of("advisory.changed", "advisory", id.value())
			.withDetail(current.reference() + " languages=" + valid.texts().keySet()));
		return changed;
	}

	@Transactional
	public Advisory submit(CallerContext caller, AdvisoryId id) {
		requireAuthor(caller);
		Advisory submitted = locked(id).submitted(caller.userId(), clock.instant());
		advisories.update(submitted);
		audit.record(AuditEvent.of("advisory.submitted", "advisory", id.value()).withDetail(submitted.reference()));
		return submitted;
	}

	/** The second person approves: the working version becomes the public edition. */
	@Transactional
	public Advisory approve(CallerContext caller, AdvisoryId id) {
		requireAuthor(caller);
		Advisory approved = locked(id).approved(caller.userId(), clock.instant());
		advisories.publish(approved);
		PublicAdvisory edition = advisories.findPublic(id).orElseThrow();
		int queued = mail.queueAdvisory(edition);
		audit.record(AuditEvent.of(approved.revision() == 1 ? "advisory.published" : "advisory.updated", "advisory", id.value())
			.withDetail(approved.reference() + " revision=" + approved.revision() + " mails=" + queued));
		return approved;
	}

	@Transactional
	public Advisory sendBack(CallerContext caller, AdvisoryId id) {
		requireAuthor(caller);
		Advisory back = locked(id).sentBack(clock.instant());
		advisories.update(back);
		audit.record(AuditEvent.of("advisory.sent-back", "advisory", id.value()).withDetail(back.reference()));
		return back;
	}

	/** Takes a published advisory off the public pages (one person may: removing advice errs on the safe side). */
	@Transactional
	public Advisory withdraw(CallerContext caller, AdvisoryId id) {
		requireAuthor(caller);
		Advisory withdrawn = locked(id).withdrawn(clock.instant());
		advisories.withdraw(withdrawn);
		audit.record(AuditEvent.of("advisory.withdrawn", "advisory", id.value()).withDetail(withdrawn.reference()));
		return withdrawn;
	}

	@Transactional(readOnly = true)
	public Advisory find(CallerContext caller, AdvisoryId id) {
		requireAuthor(caller);
		return advisories.find(id).orElseThrow(() -> new RecordNotFoundException("advisory " + id));
	}

	@Transactional(readOnly = true)
	public Optional<PublicAdvisory> publicEdition(CallerContext caller, AdvisoryId id) {
		requireAuthor(caller);
		return advisories.findPublic(id);
	}

	@Transactional(readOnly = true)
	public Page<Advisory> list(CallerContext caller, @Nullable AdvisoryStatus status, PageRequest page) {
		requireAuthor(caller);
		return advisories.list(status, page);
	}

	private Advisory locked(AdvisoryId id) {
		return advisories.lock(id).orElseThrow(() -> new RecordNotFoundException("advisory " + id));
	}
}
