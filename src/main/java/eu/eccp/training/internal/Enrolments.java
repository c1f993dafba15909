package eu.eccp.training.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.Organisations;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.training.CourseId;

/**
 * Enrolment: an official of a law-enforcement or judicial body applies; a national training coordinator of their
 * organisation nominates within the country's quota (or does not); the organiser accepts, wait-lists or declines;
 * a withdrawal frees the place for the first on the wait list; the organiser records attendance and completion, and
 * a completion gives a certificate with a verification code.
 *
 * <p>Every decision on a course locks the course's row first, so that two decisions at once cannot both take the
 * last seat or the last place of a quota. Every change is audited as a change of personal data.
 */
@Service
public class Enrolments {

	private static final Logger log = LoggerFactory.getLogger(Enrolments.class);

	static final int LIST_LIMIT = 500;

	private final EnrolmentRepository enrolments;
	private final CourseRepository courses;
	private final Catalogue catalogue;
	private final TrainingCoordinators coordinators;
	private final Organisations organisations;
	private final People people;
	private final TrainingNotices notices;
	private final AuditTrail audit;
	private final Clock clock;

	Enrolments(EnrolmentRepository enrolments, CourseRepository courses, Catalogue catalogue,
			TrainingCoordinators coordinators, Organisations organisations, People people, TrainingNotices notices,
			AuditTrail audit, Clock clock) {
		this.enrolments = enrolments;
		this.courses = courses;
		this.catalogue = catalogue;
		this.coordinators = coordinators;
		this.organisations = organisations;
		this.people = people;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the caller's organisation is a law-enforcement or judicial body whose officials may apply. */
	@Transactional(readOnly = true)
	public boolean mayApply(CallerContext caller) {
		return organisations.find(caller.organisationId())
			.map(o -> o.type().isPublicAuthority())
			.orElse(false);
	}

	@Transactional
	public Enrolment apply(CallerContext caller, CourseId courseId, @Nullable String motivation) {
		Course course = catalogue.course(caller, courseId);
		if (!mayApply(caller)) {
			throw new AccessDeniedException("only officials of law-enforcement and judicial bodies apply");
		}
		if (!course.takesApplications(clock.instant())) {
			throw new InvalidRequestException("course", "training.error.applicationsClosed");
		}
		List<PersonView> coordinatorsOfOrg = coordinators.coordinators(caller.organisationId());
		if (coordinatorsOfOrg.isEmpty()) {
			throw new InvalidRequestException("course", "training.error.noCoordinator");
		}
		if (motivation != null && motivation.strip().length() > ValidCourse.MAX_TEXT) {
			throw new InvalidRequestException("motivation", "training.error.tooLong");
		}
		PersonView me = people.find(caller.userId()).orElseThrow(() -> new AccessDeniedException("unknown person"));
		UUID id = UUID.randomUUID();
		if (!enrolments.insert(id, courseId, caller.userId(), me.displayName(), caller.organisationId(), caller.country(),
				motivation == null || motivation.isBlank() ? null : motivation.strip(), clock.instant())) {
			throw new ConflictException("already applied");
		}
		for (PersonView coordinator : coordinatorsOfOrg) {
			notices.applied(caller.organisationId(), coordinator.id(), course);
		}
		audit.record(AuditEvent.of("training.enrolment.applied", "training-enrolment", id).withDetail("course=" + courseId)
			.personal());
		return enrolments.find(id).orElseThrow();
	}

	/** The coordinator nominates an application of their organisation, within the country's quota. */
	@Transactional
	public Enrolment nominate(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = asCoordinator(caller, enrolmentId);
		courses.lock(enrolment.course());
		Course course = courses.find(enrolment.course()).orElseThrow();
		if (course.status() != CourseStatus.PUBLISHED || course.hasStarted(clock.instant())) {
			throw new ConflictException("the course takes no nominations");
		}
		Integer quota = course.details().countryQuota();
		if (quota != null && enrolments.holdingQuota(course.id(), enrolment.country()) >= quota) {
			throw new InvalidRequestException("quota", "training.error.quotaFull");
		}
		if (!enrolments.nominated(enrolmentId, caller.userId(), clock.instant())) {
			throw new ConflictException("not an application waiting for nomination");
		}
		notices.nominated(course);
		audited("training.enrolment.nominated", enrolmentId);
		return enrolments.find(enrolmentId).orElseThrow();
	}

	/** The coordinator turns an application of their organisation down. */
	@Transactional
	public Enrolment notNominated(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = asCoordinator(caller, enrolmentId);
		if (!enrolments.decided(enrolmentId, EnumSet.of(EnrolmentStatus.APPLIED), EnrolmentStatus.NOT_NOMINATED,
				clock.instant())) {
			throw new ConflictException("not an application waiting for nomination");
		}
		audited("training.enrolment.not-nominated", enrolment.id());
		return enrolments.find(enrolmentId).orElseThrow();
	}

	/** The organiser accepts a nomination (or someone on the wait list) while seats are free. */
	@Transactional
	public Enrolment accept(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = asOrganiser(caller, enrolmentId);
		courses.lock(enrolment.course());
		Course course = courses.find(enrolment.course()).orElseThrow();
		if (enrolments.seatsTaken(course.id()) >= course.details().seats()) {
			throw new InvalidRequestException("seats", "training.error.courseFull");
		}
		if (!enrolments.decided(enrolmentId, EnumSet.of(EnrolmentStatus.NOMINATED, EnrolmentStatus.WAIT_LISTED),
				EnrolmentStatus.ACCEPTED, clock.instant())) {
			throw new ConflictException("not a nomination");
		}
		notices.accepted(enrolment, course);
		audited("training.enrolment.accepted", enrolmentId);
		return enrolments.find(enrolmentId).orElseThrow();
	}

	/** The organiser puts a nomination on the wait list, behind those already on it. */
	@Transactional
	public Enrolment waitList(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = asOrganiser(caller, enrolmentId);
		courses.lock(enrolment.course());
		Course course = courses.find(enrolment.course()).orElseThrow();
		if (!enrolments.decided(enrolmentId, EnumSet.of(EnrolmentStatus.NOMINATED), EnrolmentStatus.WAIT_LISTED,
				clock.instant())) {
			throw new ConflictException("not a nomination");
		}
		notices.waitListed(enrolment, course);
		audited("training.enrolment.wait-listed", enrolmentId);
		return enrolments.find(enrolmentId).orElseThrow();
	}

	/** The organiser declines a nomination or someone on the wait list. */
	@Transactional
	public Enrolment decline(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = asOrganiser(caller, enrolmentId);
		Course course = courses.find(enrolment.course()).orElseThrow();
		if (!enrolments.decided(enrolmentId, EnumSet.of(EnrolmentStatus.NOMINATED, EnrolmentStatus.WAIT_LISTED),
				EnrolmentStatus.DECLINED, clock.instant())) {
			throw new ConflictException("not a nomination");
		}
		notices.declined(enrolment, course);
		audited("training.enrolment.declined", enrolmentId);
		return enrolments.find(enrolmentId).orElseThrow();
	}

	/**
	 * The official, or a training coordinator of their organisation, withdraws. A seat it held goes to the first on
	 * the wait list.
	 */
	@Transactional
	public Enrolment withdraw(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = enrolments.find(enrolmentId).orElseThrow(() -> new RecordNotFoundException("enrolment"));
		boolean own = enrolment.person().equals(caller.userId());
		boolean coordinator = caller.organisationId().equals(enrolment.organisation()) && coordinators.isCoordinator(caller);
		if (!own && !coordinator) {
			throw new RecordNotFoundException("enrolment");
		}
		courses.lock(enrolment.course());
		Course course = courses.find(enrolment.course()).orElseThrow();
		if (course.details().endsAt().isBefore(clock.instant())) {
			throw new ConflictException("the course is over");
		}
		if (!enrolments.decided(enrolmentId, EnumSet.of(EnrolmentStatus.APPLIED, EnrolmentStatus.NOMINATED,
				EnrolmentStatus.WAIT_LISTED, EnrolmentStatus.ACCEPTED), EnrolmentStatus.WITHDRAWN, clock.instant())) {
			throw new ConflictException("cannot be withdrawn");
		}
		audited("training.enrolment.withdrawn", enrolmentId);
		if (enrolment.status() == EnrolmentStatus.ACCEPTED) {
			fillFreedSeats(course);
		}
		return enrolments.find(enrolmentId).orElseThrow();
	}

	/** Gives free seats to the wait list in order (in the caller's transaction, the course locked). */
	private void fillFreedSeats(Course course) {
		Instant now = clock.instant();
		while (enrolments.seatsTaken(course.id()) < course.details().seats()) {
			Enrolment next = enrolments.firstWaiting(course.id()).orElse(null);
			if (next == null || !enrolments.decided(next.id(), EnumSet.of(EnrolmentStatus.WAIT_LISTED),
					EnrolmentStatus.ACCEPTED, now)) {
				return;
			}
			notices.accepted(next, course);
			audit.record(AuditEvent.of("training.enrolment.accepted-from-wait-list", "training-enrolment", next.id()).personal());
			log.info("enrolment {} accepted from the wait list of course {}", next.id(), course.id());
		}
	}

	/** The organiser records whether an accepted participant attended (once the course has started). */
	@Transactional
	public Enrolment recordAttendance(CallerContext caller, UUID enrolmentId, boolean attended) {
		Enrolment enrolment = asOrganiser(caller, enrolmentId);
		Course course = courses.find(enrolment.course()).orElseThrow();
		if (!course.hasStarted(clock.instant())) {
			throw new InvalidRequestException("attended", "training.error.notStarted");
		}
		if (!enrolments.attended(enrolmentId, attended)) {
			throw new ConflictException("not an accepted participant");
		}
		audited(attended ? "training.enrolment.attended" : "training.enrolment.absent", enrolmentId);
		return enrolments.find(enrolmentId).orElseThrow();
	}

	/** The organiser records a completion; the participant's certificate gets its verification code. */
	@Transactional
	public Enrolment complete(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = asOrganiser(caller, enrolmentId);
		Course course = courses.find(enrolment.course()).orElseThrow();
		if (!course.hasStarted(clock.instant())) {
			throw new InvalidRequestException("completed", "training.error.notStarted");
		}
		if (!enrolment.attended()) {
			throw new InvalidRequestException("completed", "training.error.notAttended");
		}
		if (!enrolments.completed(enrolmentId, CertificateCodes.next(), clock.instant())) {
			throw new ConflictException("not an accepted participant");
		}
		notices.completed(enrolment, course);
		audited("training.enrolment.completed", enrolmentId);
		return enrolments.find(enrolmentId).orElseThrow();
	}

	/** The caller's own enrolment to a course, if any. */
	@Transactional(readOnly = true)
	public java.util.Optional<Enrolment> mine(CallerContext caller, CourseId course) {
		return enrolments.find(course, caller.userId());
	}

	@Transactional(readOnly = true)
	public List<Enrolment> mine(CallerContext caller) {
		return enrolments.ofPerson(caller.userId(), LIST_LIMIT);
	}

	/** For the organiser: the nominations and decisions on their course (never mere applications); audited. */
	@Transactional
	public List<Enrolment> ofCourse(CallerContext caller, CourseId courseId) {
		Course course = catalogue.course(caller, courseId);
		if (!Catalogue.isOrganiser(caller, course)) {
			throw new AccessDeniedException("not the organiser");
		}
		audit.record(AuditEvent.of("training.enrolments.viewed", "training-course", courseId).personal());
		return enrolments.ofCourse(courseId, EnumSet.of(EnrolmentStatus.NOMINATED, EnrolmentStatus.WAIT_LISTED,
				EnrolmentStatus.ACCEPTED, EnrolmentStatus.DECLINED, EnrolmentStatus.WITHDRAWN, EnrolmentStatus.COMPLETED));
	}

	/** For a training coordinator: their organisation's enrolments to a course. */
	@Transactional(readOnly = true)
	public List<Enrolment> ofOurOrganisation(CallerContext caller, CourseId courseId) {
		if (!coordinators.isCoordinator(caller)) {
			return List.of();
		}
		return enrolments.ofOrganisation(courseId, caller.organisationId());
	}

	/** For a training coordinator: applications of their organisation waiting for a nomination. */
	@Transactional(readOnly = true)
	public List<Enrolment> awaitingNomination(CallerContext caller) {
		if (!coordinators.isCoordinator(caller)) {
			return List.of();
		}
		return enrolments.awaitingNomination(caller.organisationId(), LIST_LIMIT);
	}

	/** A completed enrolment of the caller, to download its certificate (audited). */
	@Transactional
	public Enrolment certificateOf(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = enrolments.find(enrolmentId)
			.filter(e -> e.person().equals(caller.userId()) && e.status() == EnrolmentStatus.COMPLETED)
			.orElseThrow(() -> new RecordNotFoundException("certificate"));
		audited("training.certificate.downloaded", enrolmentId);
		return enrolment;
	}

	/** The completed enrolment a certificate code belongs to (the public verification page). */
	@Transactional(readOnly = true)
	public java.util.Optional<Enrolment> byCertificate(String typedCode) {
		String code = CertificateCodes.normalised(typedCode);
		return code == null ? java.util.Optional.empty() : enrolments.byCertificate(code);
	}

	/** The courses the caller holds a seat in (accepted or completed), for their calendar feed. */
	@Transactional(readOnly = true)
	public List<Course> myCourses(CallerContext caller) {
		return courses.findAll(enrolments.coursesOf(caller.userId()));
	}

	/** Whether the caller holds (or held) a seat of the course: accepted or completed. */
	@Transactional(readOnly = true)
	public boolean isParticipant(CallerContext caller, CourseId course) {
		return enrolments.find(course, caller.userId()).map(e -> e.status().holdsSeat()).orElse(false);
	}

	public boolean isCoordinator(CallerContext caller) {
		return coordinators.isCoordinator(caller);
	}

	private Enrolment asCoordinator(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = enrolments.find(enrolmentId).orElseThrow(() -> new RecordNotFoundException("enrolment"));
		if (!caller.organisationId().equals(enrolment.organisation()) || !coordinators.isCoordinator(caller)) {
			throw new RecordNotFoundException("enrolment");
		}
		return enrolment;
	}

	private Enrolment asOrganiser(CallerContext caller, UUID enrolmentId) {
		Enrolment enrolment = enrolments.find(enrolmentId).orElseThrow(() -> new RecordNotFoundException("enrolment"));
		Course course = courses.find(enrolment.course()).orElseThrow();
		if (!Catalogue.isOrganiser(caller, course)) {
			throw new RecordNotFoundException("enrolment");
		}
		if (!EnumSet.of(EnrolmentStatus.NOMINATED, EnrolmentStatus.WAIT_LISTED, EnrolmentStatus.ACCEPTED,
				EnrolmentStatus.COMPLETED).contains(enrolment.status())) {
			// an application not yet nominated is the national coordinator's business, not the organiser's
			throw new ConflictException("not a nomination");
		}
		return enrolment;
	}

	private void audited(String action, UUID enrolmentId) {
		audit.record(AuditEvent.of(action, "training-enrolment", enrolmentId).personal());
	}
}
