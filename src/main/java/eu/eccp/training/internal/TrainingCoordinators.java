package eu.eccp.training.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;

/**
 * The national training coordinators: people an organisation's administrator designates to nominate its officials
 * for courses and to record its training needs. A designation within the organisation, kept by this module (see the
 * module's documentation for why it is not a platform role). Every change is audited.
 */
@Service
public class TrainingCoordinators {

	private final CoordinatorRepository repository;
	private final People people;
	private final AuditTrail audit;
	private final Clock clock;

	TrainingCoordinators(CoordinatorRepository repository, People people, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the caller is a national training coordinator of their organisation. */
	@Transactional(readOnly = true)
	public boolean isCoordinator(CallerContext caller) {
		return repository.isCoordinator(caller.organisationId(), caller.userId());
	}

	@Transactional(readOnly = true)
	public List<PersonView> coordinators(OrganisationId organisation) {
		return repository.coordinators(organisation).stream().map(people::find).flatMap(java.util.Optional::stream).toList();
	}

	/** The caller's organisation's members, for its administrator to designate from. */
	@Transactional(readOnly = true)
	public List<PersonView> designatable(CallerContext caller) {
		requireAdministrator(caller);
		return people.members(caller.organisationId());
	}

	@Transactional
	public void designate(CallerContext caller, UserId person) {
		PersonView member = member(caller, person);
		if (repository.designate(member.organisationId(), member.id(), caller.userId(), clock.instant())) {
			audit.record(AuditEvent.of("training.coordinator.designated", "person", member.id()).personal());
		}
	}

	@Transactional
	public void revoke(CallerContext caller, UserId person) {
		PersonView member = member(caller, person);
		if (repository.revoke(member.organisationId(), member.id())) {
			audit.record(AuditEvent.of("training.coordinator.revoked", "person", member.id()).personal());
		}
	}

	/** Demo mode: designates a person without an administrator. */
	@Transactional
	public void designateForDemo(PersonView person) {
		repository.designate(person.organisationId(), person.id(), null, clock.instant());
	}

	private PersonView member(CallerContext caller, UserId person) {
		requireAdministrator(caller);
		return people.find(person)
			.filter(p -> p.organisationId().equals(caller.organisationId()) && p.enabled())
			.orElseThrow(() -> new InvalidRequestException("person", "training.error.notAMember"));
	}

	private static void requireAdministrator(CallerContext caller) {
		if (!caller.has(Role.ADMIN)) {
			throw new AccessDeniedException("only the organisation's administrator designates training coordinators");
		}
	}
}
