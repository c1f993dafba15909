package eu.eccp.training.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.SqlTimes;
import eu.eccp.training.CourseId;

/**
 * Finds overlapping offers in SQL: published courses sharing a role at the same level and a language, running at
 * overlapping dates or starting in the same calendar quarter (UTC).
 */
@Repository
class OverlapRepository {

	static final int MAX_OVERLAPS = 50;

	private final JdbcClient jdbc;

	OverlapRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Published courses other than {@code self} that overlap the given details, by start. */
	List<CourseId> overlapping(CourseId self, ValidCourse course) {
		return jdbc.sql("""
				SELECT c.id FROM training_course c
				WHERE c.status = 'PUBLISHED' AND c.id <> :self
				  AND c.languages && CAST(:languages AS text[])
				  AND EXISTS (SELECT 1 FROM training_course_role r WHERE r.course_id = c.id
				              AND r.role || ':' || r.level = ANY(CAST(:pairs AS text[])))
				  AND ((c.starts_at <= :endsAt AND c.ends_at >= :startsAt)
				       OR date_trunc('quarter', c.starts_at AT TIME ZONE 'UTC')
				          = date_trunc('quarter', CAST(:startsAt AS timestamptz) AT TIME ZONE 'UTC'))
				ORDER BY c.starts_at, c.id
				LIMIT :max""")
			.param("self", self.value())
			.param("languages", course.languages().toArray(String[]::new))
			.param("pairs", course.roles().stream().map(r -> r.role().name() + ":" + r.level().name()).toArray(String[]::new))
			.param("startsAt", SqlTimes.at(course.startsAt()))
			.param("endsAt", SqlTimes.at(course.endsAt()))
			.param("max", MAX_OVERLAPS)
			.query((rs, n) -> new CourseId(rs.getObject("id", UUID.class)))
			.list();
	}

	/** Pairs of published courses not yet over that overlap, the earlier-starting first in each pair. */
	Page<CourseId[]> duplicatePairs(Instant now, PageRequest page) {
		String from = """
				training_course a JOIN training_course b
				  ON (a.starts_at, a.id) < (b.starts_at, b.id) AND a.languages && b.languages
				  AND ((a.starts_at <= b.ends_at AND a.ends_at >= b.starts_at)
				       OR date_trunc('quarter', a.starts_at AT TIME ZONE 'UTC') = date_trunc('quarter', b.starts_at AT TIME ZONE 'UTC'))""";
		String where = """
				a.status = 'PUBLISHED' AND b.status = 'PUBLISHED' AND a.ends_at >= :now AND b.ends_at >= :now
				AND EXISTS (SELECT 1 FROM training_course_role ra JOIN training_course_role rb
				            ON ra.role = rb.role AND ra.level = rb.level
				            WHERE ra.course_id = a.id AND rb.course_id = b.id)""";
		return PagedQuery.page(jdbc, "a.id AS a_id, b.id AS b_id", from, where, Map.of("now", SqlTimes.at(now)),
				"a.starts_at, a.id, b.starts_at, b.id", page,
				(rs, n) -> new CourseId[] { new CourseId(rs.getObject("a_id", UUID.class)),
						new CourseId(rs.getObject("b_id", UUID.class)) });
	}
}
