package eu.eccp.training.internal;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * The national units' training needs, and for coordinators the coverage of needs by the seats offered. A national
 * unit's training coordinators and administrators record its needs; its people read them; coordinators read every
 * country's in the coverage.
 */
@Service
public class TrainingNeeds {

	private final NeedRepository needs;
	private final TrainingCoordinators coordinators;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final Clock clock;

	TrainingNeeds(NeedRepository needs, TrainingCoordinators coordinators, Organisations organisations, AuditTrail audit,
			Clock clock) {
		this.needs = needs;
		this.coordinators = coordinators;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the caller may record their organisation's needs. */
	@Transactional(readOnly = true)
	public boolean mayRecord(CallerContext caller) {
		return isNationalUnit(caller) && (caller.has(Role.ADMIN) || coordinators.isCoordinator(caller));
	}

	@Transactional
	public TrainingNeed record(CallerContext caller, NeedDraft draft) {
		if (!mayRecord(caller)) {
			throw new AccessDeniedException("only a national unit's training coordinator records its needs");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		int thisYear = currentYear();
		if (draft.year() == null || draft.year() < thisYear - 1 || draft.year() > thisYear + 5) {
			errors.put("year", "training.error.year");
		}
		CompetencyRole role = ValidCourse.constant(CompetencyRole.class, draft.role());
		if (role == null) {
			errors.put("role", "training.error.roles");
		}
		Level level = ValidCourse.constant(Level.class, draft.level());
		if (level == null) {
			errors.put("level", "training.error.level");
		}
		if (draft.officials() == null || draft.officials() < 1 || draft.officials() > 100_000) {
			errors.put("officials", "training.error.officials");
		}
		Priority priority = ValidCourse.constant(Priority.class, draft.priority());
		if (priority == null) {
			errors.put("priority", "training.error.priority");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		UUID id = needs.upsert(caller.organisationId(), caller.country(), draft.year(), role, level, draft.officials(),
				priority, caller.userId(), clock.instant());
		audit.record(AuditEvent.of("training.need.recorded", "training-need", id));
		return needs.find(caller.organisationId(), id).orElseThrow();
	}

	@Transactional
	public void delete(CallerContext caller, UUID id) {
		if (!mayRecord(caller) || !needs.delete(caller.organisationId(), id)) {
			throw new RecordNotFoundException("need");
		}
		audit.record(AuditEvent.of("training.need.deleted", "training-need", id));
	}

	/** The caller's organisation's needs in a year. */
	@Transactional(readOnly = true)
	public List<TrainingNeed> ours(CallerContext caller, int year) {
		return needs.of(caller.organisationId(), year);
	}

	/** Needs against seats offered in a year, all countries (coordinators). */
	@Transactional(readOnly = true)
	public Coverage coverage(CallerContext caller, int year) {
		caller.requireAny(Role.COORDINATOR);
		return needs.coverage(year);
	}

	public int currentYear() {
		return Year.now(clock.withZone(ZoneOffset.UTC)).getValue();
	}

	private boolean isNationalUnit(CallerContext caller) {
		return organisations.find(caller.organisationId()).map(OrganisationView::type)
			.filter(t -> t == OrganisationType.NATIONAL_UNIT).isPresent();
	}
}
