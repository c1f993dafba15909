package eu.eccp.training.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.shared.ClusterLock;
import eu.eccp.training.CourseId;

/**
 * Reminds accepted participants that their course starts soon ({@code reminder-before}), once each. Runs every
 * {@code reminder-interval} on the scheduler thread, on one node at a time ({@link ClusterLock}), in batches of
 * {@code reminder-batch} per transaction: the enrolments are locked ({@code SKIP LOCKED}) and stamped with the
 * notice in the same transaction, so a crash loses or repeats no reminder and a restart sends what is left.
 */
@Component
class StartReminders {

	private static final Logger log = LoggerFactory.getLogger(StartReminders.class);

	private final EnrolmentRepository enrolments;
	private final CourseRepository courses;
	private final TrainingNotices notices;
	private final TrainingProperties properties;
	private final ClusterLock lock;
	private final TransactionTemplate transactions;
	private final Clock clock;

	StartReminders(EnrolmentRepository enrolments, CourseRepository courses, TrainingNotices notices,
			TrainingProperties properties, ClusterLock lock, TransactionTemplate transactions, Clock clock) {
		this.enrolments = enrolments;
		this.courses = courses;
		this.notices = notices;
		this.properties = properties;
		this.lock = lock;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${eccp.training.reminder-interval:1h}", initialDelayString = "${eccp.training.reminder-interval:1h}")
	void run() {
		int sent;
		do {
			Integer batch = transactions.execute(status -> lock.tryForTransaction("training-reminders") ? remindDue() : 0);
			sent = batch == null ? 0 : batch;
		}
		while (sent == properties.reminderBatch());
	}

	/** Sends one batch of due reminders in the caller's transaction; returns how many. */
	int remindDue() {
		Instant now = clock.instant();
		List<Enrolment> due = enrolments.dueForReminder(now, now.plus(properties.reminderBefore()), properties.reminderBatch());
		Map<CourseId, Course> byId = new HashMap<>();
		courses.findAll(due.stream().map(Enrolment::course).distinct().toList()).forEach(c -> byId.put(c.id(), c));
		for (Enrolment enrolment : due) {
			Course course = byId.get(enrolment.course());
			if (course != null) {
				notices.reminder(enrolment, course);
			}
			enrolments.reminded(enrolment.id(), now);
		}
		if (!due.isEmpty()) {
			log.info("{} training reminders sent", due.size());
		}
		return due.size();
	}
}
