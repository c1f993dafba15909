package eu.eccp.training.internal;

import org.springframework.stereotype.Component;

import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * What the training module tells people through the notifications module: the title is a message key with the
 * course's title as argument (no personal data), the link the course's page.
 */
@Component
class TrainingNotices {

	private final Notifications notifications;

	TrainingNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	/** An official's application is waiting for a nomination (to each training coordinator of the organisation). */
	void applied(OrganisationId organisation, UserId coordinator, Course course) {
		notifications.send(Notice.of(organisation, "training.applied", link(course), course.title(null))
			.forPerson(coordinator).with("courseId", course.id()));
	}

	/** A nomination is waiting for the organiser's decision. */
	void nominated(Course course) {
		notifications.send(Notice.of(course.organiser(), "training.nominated", link(course), course.title(null))
			.with("courseId", course.id()));
	}

	void accepted(Enrolment enrolment, Course course) {
		notifications.send(Notice.of(enrolment.organisation(), "training.accepted", link(course), course.title(null))
			.forPerson(enrolment.person()).with("courseId", course.id()));
	}

	void waitListed(Enrolment enrolment, Course course) {
		notifications.send(Notice.of(enrolment.organisation(), "training.wait_listed", link(course), course.title(null))
			.forPerson(enrolment.person()).with("courseId", course.id()));
	}

	void declined(Enrolment enrolment, Course course) {
		notifications.send(Notice.of(enrolment.organisation(), "training.declined", link(course), course.title(null))
			.forPerson(enrolment.person()).with("courseId", course.id()));
	}

	void completed(Enrolment enrolment, Course course) {
		notifications.send(Notice.of(enrolment.organisation(), "training.completed", link(course), course.title(null))
			.forPerson(enrolment.person()).with("courseId", course.id()));
	}

	/** The course was cancelled: the application or place is gone. */
	void cancelled(Enrolment enrolment, Course course) {
		notifications.send(Notice.of(enrolment.organisation(), "training.cancelled", link(course), course.title(null))
			.forPerson(enrolment.person()).with("courseId", course.id()));
	}

	void reminder(Enrolment enrolment, Course course) {
		notifications.send(Notice.of(enrolment.organisation(), "training.reminder", link(course), course.title(null),
				course.details().localStart().toLocalDate().toString())
			.forPerson(enrolment.person()).with("courseId", course.id()));
	}

	private static String link(Course course) {
		return "/training/courses/" + course.id();
	}
}
