package eu.eccp.training.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.training.CourseId;

/**
 * The course catalogue: organisers (people with the trainer role) write courses for their organisation as
 * drafts, see the overlapping offers, and publish; everyone signed in searches the published courses;
 * coordinators see the likely duplicates across organisers.
 */
@Service
public class Catalogue {

	private final CourseRepository courses;
	private final OverlapRepository overlaps;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final Clock clock;
	private final EnrolmentRepository enrolments;
	private final TrainingNotices notices;

	/** Applications and places a cancellation ends. */
	private static final Set<EnrolmentStatus> STILL_STANDING = EnumSet.of(EnrolmentStatus.APPLIED, EnrolmentStatus.NOMINATED,
			EnrolmentStatus.ACCEPTED, EnrolmentStatus.WAIT_LISTED);

	Catalogue(CourseRepository courses, OverlapRepository overlaps, Organisations organisations, AuditTrail audit,
			Clock clock, EnrolmentRepository enrolments, TrainingNotices notices) {
		this.enrolments = enrolments;
		this.notices = notices;
		this.courses = courses;
		this.overlaps = overlaps;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new course of the caller's organisation, as a draft (published with {@link #publish}). */
	@Transactional
	public Course draft(CallerContext caller, CourseDraft draft) {
		caller.requireAny(Role.TRAINER);
		ValidCourse course = ValidCourse.of(draft);
		OrganisationView organiser = organisations.find(caller.organisationId())
			.orElseThrow(() -> new AccessDeniedException("no organisation"));
		CourseId id = CourseId.random();
		courses.insert(id, organiser.id(), organiser.name(), CourseStatus.DRAFT, course, caller.userId(), clock.instant());
		audit.record(AuditEvent.of("training.course.created", "training-course", id));
		return courses.find(id).orElseThrow();
	}

	@Transactional
	public Course update(CallerContext caller, CourseId id, CourseDraft draft) {
		Course existing = ownCourse(caller, id);
		if (existing.status() == CourseStatus.CANCELLED) {
			throw new ConflictException("a cancelled course cannot be changed");
		}
		ValidCourse course = ValidCourse.of(draft);
		courses.update(id, course, clock.instant());
		audit.record(AuditEvent.of("training.course.updated", "training-course", id));
		return courses.find(id).orElseThrow();
	}

	@Transactional
	public Course publish(CallerContext caller, CourseId id) {
		ownCourse(caller, id);
		if (!courses.changeStatus(id, EnumSet.of(CourseStatus.DRAFT), CourseStatus.PUBLISHED, clock.instant())) {
			throw new ConflictException("only a draft can be published");
		}
		audit.record(AuditEvent.of("training.course.published", "training-course", id));
		return courses.find(id).orElseThrow();
	}

	@Transactional
	public Course cancel(CallerContext caller, CourseId id) {
		ownCourse(caller, id);
		if (!courses.changeStatus(id, EnumSet.of(CourseStatus.DRAFT, CourseStatus.PUBLISHED), CourseStatus.CANCELLED,
				clock.instant())) {
			throw new ConflictException("the course is already cancelled");
		}
		audit.record(AuditEvent.of("training.course.cancelled", "training-course", id));
		Course cancelled = courses.find(id).orElseThrow();
		// every application or place that still stood ends, and its person is told, in their own inbox
		for (Enrolment enrolment : enrolments.cancelAll(id, STILL_STANDING, clock.instant())) {
			notices.cancelled(enrolment, cancelled);
		}
		return cancelled;
	}

	/** A course the caller may see: published or cancelled ones, and drafts of their own organisation. */
	@Transactional(readOnly = true)
	public Course course(CallerContext caller, CourseId id) {
		return courses.find(id)
			.filter(c -> c.status() != CourseStatus.DRAFT || isOrganiser(caller, c))
			.orElseThrow(() -> new RecordNotFoundException("course"));
	}

	/** A course a certificate names (the public verification page shows its title, organiser and dates). */
	@Transactional(readOnly = true)
	public Course courseForCertificate(CourseId id) {
		return courses.find(id).orElseThrow(() -> new RecordNotFoundException("course"));
	}

	/** Whether the caller is a trainer of the course's organiser. */
	public static boolean isOrganiser(CallerContext caller, Course course) {
		return caller.has(Role.TRAINER) && caller.organisationId().equals(course.organiser());
	}

	@Transactional(readOnly = true)
	public Page<Course> search(CallerContext caller, CourseFilter filter, PageRequest page) {
		return courses.search(filter, caller.organisationId(), clock.instant(), page);
	}

	/** The published courses that overlap this one (shown to its organiser before and after publishing). */
	@Transactional(readOnly = true)
	public List<Overlap> overlaps(CallerContext caller, CourseId id) {
		Course course = course(caller, id);
		return courses.findAll(overlaps.overlapping(id, course.details())).stream()
			.map(other -> Overlap.between(course.details(), other))
			.toList();
	}

	/** For coordinators: pairs of upcoming published courses that look like the same offer. */
	@Transactional(readOnly = true)
	public Page<LikelyDuplicate> likelyDuplicates(CallerContext caller, PageRequest page) {
		caller.requireAny(Role.COORDINATOR);
		Page<CourseId[]> pairs = overlaps.duplicatePairs(clock.instant(), page);
		Set<CourseId> ids = new LinkedHashSet<>();
		pairs.items().forEach(pair -> {
			ids.add(pair[0]);
			ids.add(pair[1]);
		});
		java.util.Map<CourseId, Course> byId = new java.util.HashMap<>();
		courses.findAll(ids).forEach(c -> byId.put(c.id(), c));
		List<LikelyDuplicate> duplicates = new ArrayList<>();
		for (CourseId[] pair : pairs.items()) {
			Course first = byId.get(pair[0]);
			Course second = byId.get(pair[1]);
			if (first != null && second != null) {
				duplicates.add(new LikelyDuplicate(first, Overlap.between(first.details(), second)));
			}
		}
		return new Page<>(duplicates, pairs.page(), pairs.size(), pairs.total());
	}

	/** Demo mode: a published course of an organiser, unless it exists already. */
	@Transactional
	public boolean seedDemo(CourseId id, OrganisationView organiser, CourseDraft draft) {
		if (courses.find(id).isPresent()) {
			return false;
		}
		courses.insert(id, organiser.id(), organiser.name(), CourseStatus.PUBLISHED, ValidCourse.of(draft), null,
				clock.instant());
		return true;
	}

	private Course ownCourse(CallerContext caller, CourseId id) {
		caller.requireAny(Role.TRAINER);
		Course course = courses.find(id).orElseThrow(() -> new RecordNotFoundException("course"));
		if (!isOrganiser(caller, course)) {
			// another organiser's published course: visible but not theirs to change; a draft: not visible at all
			if (course.status() == CourseStatus.DRAFT) {
				throw new RecordNotFoundException("course");
			}
			throw new AccessDeniedException("not an organiser of this course");
		}
		return course;
	}
}
