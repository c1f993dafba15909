package eu.eccp.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.UserId;
import eu.eccp.training.CourseId;

/** Enrolments. Every change of status is a conditional update on the status it leaves. */
@Repository
class EnrolmentRepository {

	private final JdbcClient jdbc;

	EnrolmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new application; false when the person has applied to the course already. */
	boolean insert(UUID id, CourseId course, UserId person, String personName, OrganisationId organisation,
			CountryCode country, @Nullable String motivation, Instant now) {
		return jdbc.sql("""
				INSERT INTO training_enrolment (id, course_id, person_id, person_name, organisation_id, country, status,
				  motivation, applied_at)
				VALUES (:id, :course, :person, :name, :org, :country, 'APPLIED', :motivation, :now)
				ON CONFLICT (course_id, person_id) DO NOTHING""")
			.param("id", id)
			.param("course", course.value())
			.param("person", person.value())
			.param("name", personName)
			.param("org", organisation.value())
			.param("country", country.value())
			.param("motivation", motivation)
			.param("now", SqlTimes.at(now))
			.update() == 1;
	}

	Optional<Enrolment> find(UUID id) {
		return jdbc.sql("SELECT * FROM training_enrolment WHERE id = :id").param("id", id)
			.query(EnrolmentRepository::enrolment).optional();
	}

	Optional<Enrolment> find(CourseId course, UserId person) {
		return jdbc.sql("SELECT * FROM training_enrolment WHERE course_id = :course AND person_id = :person")
			.param("course", course.value()).param("person", person.value())
			.query(EnrolmentRepository::enrolment).optional();
	}

	Optional<Enrolment> byCertificate(String code) {
		return jdbc.sql("SELECT * FROM training_enrolment WHERE certificate_code = :code AND status = 'COMPLETED'")
			.param("code", code).query(EnrolmentRepository::enrolment).optional();
	}

	/** Enrolments of a course in the given states, in the order of the wait list, then of application. */
	List<Enrolment> ofCourse(CourseId course, Set<EnrolmentStatus> statuses) {
		return jdbc.sql("""
				SELECT * FROM training_enrolment WHERE course_id = :course AND status = ANY(CAST(:statuses AS text[]))
				ORDER BY wait_listed_at NULLS FIRST, nominated_at NULLS LAST, applied_at, id""")
			.param("course", course.value())
			.param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
			.query(EnrolmentRepository::enrolment).list();
	}

	/** An organisation's enrolments to a course. */
	List<Enrolment> ofOrganisation(CourseId course, OrganisationId organisation) {
		return jdbc.sql("""
				SELECT * FROM training_enrolment WHERE course_id = :course AND organisation_id = :org
				ORDER BY applied_at, id""")
			.param("course", course.value()).param("org", organisation.value())
			.query(EnrolmentRepository::enrolment).list();
	}

	/** An organisation's applications waiting for a nomination, oldest first. */
	List<Enrolment> awaitingNomination(OrganisationId organisation, int limit) {
		return jdbc.sql("""
				SELECT * FROM training_enrolment WHERE organisation_id = :org AND status = 'APPLIED'
				ORDER BY applied_at, id LIMIT :limit""")
			.param("org", organisation.value()).param("limit", limit)
			.query(EnrolmentRepository::enrolment).list();
	}

	/** A person's enrolments, the newest first. */
	List<Enrolment> ofPerson(UserId person, int limit) {
		return jdbc.sql("SELECT * FROM training_enrolment WHERE person_id = :person ORDER BY applied_at DESC, id LIMIT :limit")
			.param("person", person.value()).param("limit", limit)
			.query(EnrolmentRepository::enrolment).list();
	}

	/** Nominations of a country to a course that still stand (its quota's use). */
	long holdingQuota(CourseId course, CountryCode country) {
		return jdbc.sql("""
				SELECT count(*) FROM training_enrolment WHERE course_id = :course AND country = :country
				AND status IN ('NOMINATED', 'WAIT_LISTED', 'ACCEPTED', 'COMPLETED')""")
			.param("course", course.value()).param("country", country.value())
			.query(Long.class).single();
	}

	long seatsTaken(CourseId course) {
		return jdbc.sql("SELECT count(*) FROM training_enrolment WHERE course_id = :course AND status IN ('ACCEPTED', 'COMPLETED')")
			.param("course", course.value()).query(Long.class).single();
	}

	/** The first on the course's wait list, locked. */
	Optional<Enrolment> firstWaiting(CourseId course) {
		return jdbc.sql("""
				SELECT * FROM training_enrolment WHERE course_id = :course AND status = 'WAIT_LISTED'
				ORDER BY wait_listed_at, id LIMIT 1 FOR UPDATE""")
			.param("course", course.value()).query(EnrolmentRepository::enrolment).optional();
	}

	boolean nominated(UUID id, UserId by, Instant now) {
		return jdbc.sql("""
				UPDATE training_enrolment SET status = 'NOMINATED', nominated_at = :now, nominated_by = :by
				WHERE id = :id AND status = 'APPLIED'""")
			.param("id", id).param("by", by.value()).param("now", SqlTimes.at(now)).update() == 1;
	}

	/** Cancels the course's enrolments in one of {@code standing}, in one statement; returns them as they are now. */
	List<Enrolment> cancelAll(CourseId course, Set<EnrolmentStatus> standing, Instant now) {
		return jdbc.sql("""
				UPDATE training_enrolment SET status = 'CANCELLED', decided_at = :now
				WHERE course_id = :course AND status = ANY(CAST(:standing AS text[]))
				RETURNING *""")
			.param("course", course.value())
			.param("standing", standing.stream().map(Enum::name).toArray(String[]::new))
			.param("now", SqlTimes.at(now))
			.query(EnrolmentRepository::enrolment).list();
	}

	/** Moves an enrolment from one of {@code from} to {@code to}, stamping the decision. */
	boolean decided(UUID id, Set<EnrolmentStatus> from, EnrolmentStatus to, Instant now) {
		return jdbc.sql("""
				UPDATE training_enrolment SET status = :to, decided_at = :now,
				  wait_listed_at = CASE WHEN :to = 'WAIT_LISTED' THEN :now ELSE wait_listed_at END,
				  withdrawn_at = CASE WHEN :to = 'WITHDRAWN' THEN :now ELSE withdrawn_at END
				WHERE id = :id AND status = ANY(CAST(:from AS text[]))""")
			.param("id", id).param("to", to.name()).param("now", SqlTimes.at(now))
			.param("from", from.stream().map(Enum::name).toArray(String[]::new))
			.update() == 1;
	}

	boolean attended(UUID id, boolean attended) {
		return jdbc.sql("UPDATE training_enrolment SET attended = :attended WHERE id = :id AND status = 'ACCEPTED'")
			.param("id", id).param("attended", attended).update() == 1;
	}

	boolean completed(UUID id, String certificateCode, Instant now) {
		return jdbc.sql("""
				UPDATE training_enrolment SET status = 'COMPLETED', completed_at = :now, certificate_code = :code
				WHERE id = :id AND status = 'ACCEPTED' AND attended""")
			.param("id", id).param("code", certificateCode).param("now", SqlTimes.at(now)).update() == 1;
	}

	/**
	 * Accepted enrolments of courses starting before {@code until} (and not yet started) whose reminder is not yet
	 * sent, locked and skipped by a concurrent run.
	 */
	List<Enrolment> dueForReminder(Instant now, Instant until, int limit) {
		return jdbc.sql("""
				SELECT e.* FROM training_enrolment e JOIN training_course c ON c.id = e.course_id
				WHERE e.status = 'ACCEPTED' AND e.reminder_sent_at IS NULL AND c.status = 'PUBLISHED'
				  AND c.starts_at > :now AND c.starts_at <= :until
				ORDER BY c.starts_at, e.id LIMIT :limit
				FOR UPDATE OF e SKIP LOCKED""")
			.param("now", SqlTimes.at(now)).param("until", SqlTimes.at(until)).param("limit", limit)
			.query(EnrolmentRepository::enrolment).list();
	}

	void reminded(UUID id, Instant now) {
		jdbc.sql("UPDATE training_enrolment SET reminder_sent_at = :now WHERE id = :id")
			.param("id", id).param("now", SqlTimes.at(now)).update();
	}

	/** The courses a person is accepted to or completed (their calendar feed). */
	List<CourseId> coursesOf(UserId person) {
		return jdbc.sql("""
				SELECT course_id FROM training_enrolment WHERE person_id = :person AND status IN ('ACCEPTED', 'COMPLETED')
				ORDER BY applied_at""")
			.param("person", person.value())
			.query((rs, n) -> new CourseId(rs.getObject("course_id", UUID.class))).list();
	}

	static Enrolment enrolment(ResultSet rs, int n) throws SQLException {
		return new Enrolment(rs.getObject("id", UUID.class), new CourseId(rs.getObject("course_id", UUID.class)),
				new UserId(rs.getObject("person_id", UUID.class)), rs.getString("person_name"),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), new CountryCode(rs.getString("country")),
				EnrolmentStatus.valueOf(rs.getString("status")), rs.getString("motivation"), SqlTimes.instant(rs, "applied_at"),
				SqlTimes.instant(rs, "nominated_at"), SqlTimes.instant(rs, "decided_at"), SqlTimes.instant(rs, "wait_listed_at"),
				SqlTimes.instant(rs, "withdrawn_at"), rs.getBoolean("attended"), SqlTimes.instant(rs, "completed_at"),
				rs.getString("certificate_code"));
	}
}
