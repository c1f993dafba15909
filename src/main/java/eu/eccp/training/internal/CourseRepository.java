package eu.eccp.training.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.UserId;
import eu.eccp.training.CourseId;

/** Courses with their texts and served roles. A page of courses is read with three queries, never one per row. */
@Repository
class CourseRepository {

	static final String COLUMNS = """
			c.id, c.organiser_id, c.organiser_name, c.status, c.format, c.languages, c.audiences, c.time_zone, c.starts_at,
			c.ends_at, c.venue, c.seats, c.country_quota, c.application_deadline, c.prerequisites, c.cost_eur, c.funding,
			c.updated_at, c.published_at""";

	private final JdbcClient jdbc;

	CourseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(CourseId id, OrganisationId organiser, String organiserName, CourseStatus status, ValidCourse course,
			@Nullable UserId by, Instant now) {
		jdbc.sql("""
				INSERT INTO training_course (id, organiser_id, organiser_name, status, format, languages, audiences, time_zone,
				  starts_at, ends_at, venue, seats, country_quota, application_deadline, prerequisites, cost_eur, funding,
				  created_by, created_at, updated_at, published_at)
				VALUES (:id, :organiser, :organiserName, :status, :format, CAST(:languages AS text[]), CAST(:audiences AS text[]),
				  :zone, :startsAt, :endsAt, :venue, :seats, :quota, :deadline, :prerequisites, :cost, :funding, :by, :now, :now,
				  :publishedAt)""")
			.params(detailParameters(course))
			.param("id", id.value())
			.param("organiser", organiser.value())
			.param("organiserName", organiserName)
			.param("status", status.name())
			.param("by", by == null ? null : by.value())
			.param("now", SqlTimes.at(now))
			.param("publishedAt", status == CourseStatus.PUBLISHED ? SqlTimes.at(now) : null)
			.update();
		writeChildren(id, course);
	}

	void update(CourseId id, ValidCourse course, Instant now) {
		jdbc.sql("""
				UPDATE training_course SET format = :format, languages = CAST(:languages AS text[]),
				  audiences = CAST(:audiences AS text[]), time_zone = :zone, starts_at = :startsAt, ends_at = :endsAt,
				  venue = :venue, seats = :seats, country_quota = :quota, application_deadline = :deadline,
				  prerequisites = :prerequisites, cost_eur = :cost, funding = :funding, updated_at = :now
				WHERE id = :id""")
			.params(detailParameters(course))
			.param("id", id.value())
			.param("now", SqlTimes.at(now))
			.update();
		jdbc.sql("DELETE FROM training_course_text WHERE course_id = :id").param("id", id.value()).update();
		jdbc.sql("DELETE FROM training_course_role WHERE course_id = :id").param("id", id.value()).update();
		writeChildren(id, course);
	}

	/** Moves a course to a status; returns whether it was in one of {@code from}. */
	boolean changeStatus(CourseId id, Set<CourseStatus> from, CourseStatus to, Instant now) {
		return jdbc.sql("""
				UPDATE training_course SET status = :to, updated_at = :now,
				  published_at = CASE WHEN :to = 'PUBLISHED' THEN coalesce(published_at, :now) ELSE published_at END
				WHERE id = :id AND status = ANY(CAST(:from AS text[]))""")
			.param("id", id.value())
			.param("to", to.name())
			.param("now", SqlTimes.at(now))
			.param("from", from.stream().map(Enum::name).toArray(String[]::new))
			.update() == 1;
	}

	private Map<String, Object> detailParameters(ValidCourse course) {
		Map<String, Object> p = new HashMap<>();
		p.put("format", course.format().name());
		p.put("languages", course.languages().toArray(String[]::new));
		p.put("audiences", course.audiences().stream().map(Enum::name).sorted().toArray(String[]::new));
		p.put("zone", course.zone().getId());
		p.put("startsAt", SqlTimes.at(course.startsAt()));
		p.put("endsAt", SqlTimes.at(course.endsAt()));
		p.put("venue", course.venue());
		p.put("seats", course.seats());
		p.put("quota", course.countryQuota());
		p.put("deadline", SqlTimes.at(course.applicationDeadline()));
		p.put("prerequisites", course.prerequisites());
		p.put("cost", course.costEur());
		p.put("funding", course.funding());
		return p;
	}

	private void writeChildren(CourseId id, ValidCourse course) {
		for (CourseText text : course.texts()) {
			jdbc.sql("INSERT INTO training_course_text (course_id, language, title, description) VALUES (:id, :l, :t, :d)")
				.param("id", id.value()).param("l", text.language()).param("t", text.title()).param("d", text.description())
				.update();
		}
		for (ServedRole role : course.roles()) {
			jdbc.sql("INSERT INTO training_course_role (course_id, role, level) VALUES (:id, :r, :l)")
				.param("id", id.value()).param("r", role.role().name()).param("l", role.level().name())
				.update();
		}
	}

	Optional<Course> find(CourseId id) {
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM training_course c WHERE c.id = :id")
			.param("id", id.value())
			.query(CourseRepository::row)
			.list();
		return complete(rows).stream().findFirst();
	}

	/** Locks the course's row for the rest of the transaction (enrolment decisions on one course queue behind it). */
	void lock(CourseId id) {
		jdbc.sql("SELECT id FROM training_course WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class).optional();
	}

	/**
	 * A page of courses the caller's organisation may see: every published course, and its own drafts and cancelled
	 * courses.
	 */
	Page<Course> search(CourseFilter filter, OrganisationId viewer, Instant now, PageRequest page) {
		StringBuilder where = new StringBuilder("(c.status = 'PUBLISHED' OR c.organiser_id = :viewer)");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("viewer", viewer.value());
		if (filter.mineOnly()) {
			where.append(" AND c.organiser_id = :viewer");
		}
		if (!filter.includePast()) {
			where.append(" AND c.ends_at >= :now");
			p.put("now", SqlTimes.at(now));
		}
		if (filter.q() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM training_course_text t WHERE t.course_id = c.id"
					+ " AND (t.title ILIKE :q ESCAPE '\\' OR t.description ILIKE :q ESCAPE '\\'))");
			p.put("q", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.role() != null || filter.level() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM training_course_role r WHERE r.course_id = c.id");
			if (filter.role() != null) {
				where.append(" AND r.role = :role");
				p.put("role", filter.role().name());
			}
			if (filter.level() != null) {
				where.append(" AND r.level = :level");
				p.put("level", filter.level().name());
			}
			where.append(")");
		}
		if (filter.language() != null) {
			where.append(" AND :language = ANY(c.languages)");
			p.put("language", filter.language());
		}
		if (filter.format() != null) {
			where.append(" AND c.format = :format");
			p.put("format", filter.format().name());
		}
		if (filter.audience() != null) {
			where.append(" AND :audience = ANY(c.audiences)");
			p.put("audience", filter.audience().name());
		}
		if (filter.from() != null) {
			where.append(" AND c.ends_at >= :from");
			p.put("from", SqlTimes.at(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" AND c.starts_at < :to");
			p.put("to", SqlTimes.at(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		Page<Row> rows = PagedQuery.page(jdbc, COLUMNS, "training_course c", where.toString(), p, "c.starts_at, c.id", page,
				(rs, n) -> row(rs, n));
		return new Page<>(complete(rows.items()), rows.page(), rows.size(), rows.total());
	}

	/** Courses by id, in the order asked (missing ones left out). */
	List<Course> findAll(Collection<CourseId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM training_course c WHERE c.id = ANY(CAST(:ids AS uuid[]))")
			.param("ids", ids.stream().map(CourseId::value).toArray(UUID[]::new))
			.query(CourseRepository::row)
			.list();
		Map<CourseId, Course> byId = new HashMap<>();
		complete(rows).forEach(c -> byId.put(c.id(), c));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** A course row before its texts and roles are read. */
	record Row(CourseId id, OrganisationId organiser, String organiserName, CourseStatus status, CourseFormat format,
			List<String> languages, Set<Audience> audiences, ZoneId zone, Instant startsAt, Instant endsAt,
			@Nullable String venue, int seats, @Nullable Integer quota, Instant deadline, @Nullable String prerequisites,
			@Nullable BigDecimal cost, @Nullable String funding, Instant updatedAt, @Nullable Instant publishedAt) {
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		Set<Audience> audiences = EnumSet.noneOf(Audience.class);
		for (String a : strings(rs.getArray("audiences"))) {
			audiences.add(Audience.valueOf(a));
		}
		Integer quota = (Integer) rs.getObject("country_quota");
		return new Row(new CourseId(rs.getObject("id", UUID.class)), new OrganisationId(rs.getObject("organiser_id", UUID.class)),
				rs.getString("organiser_name"), CourseStatus.valueOf(rs.getString("status")),
				CourseFormat.valueOf(rs.getString("format")), strings(rs.getArray("languages")), audiences,
				ZoneId.of(rs.getString("time_zone")), SqlTimes.instant(rs, "starts_at"), SqlTimes.instant(rs, "ends_at"),
				rs.getString("venue"), rs.getInt("seats"), quota, SqlTimes.instant(rs, "application_deadline"),
				rs.getString("prerequisites"), rs.getBigDecimal("cost_eur"), rs.getString("funding"),
				SqlTimes.instant(rs, "updated_at"), SqlTimes.instant(rs, "published_at"));
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private List<Course> complete(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		UUID[] ids = rows.stream().map(r -> r.id().value()).toArray(UUID[]::new);
		Map<UUID, List<CourseText>> texts = new HashMap<>();
		jdbc.sql("SELECT course_id, language, title, description FROM training_course_text"
				+ " WHERE course_id = ANY(CAST(:ids AS uuid[])) ORDER BY course_id, language")
			.param("ids", ids)
			.query((rs, n) -> {
				texts.computeIfAbsent(rs.getObject("course_id", UUID.class), k -> new ArrayList<>())
					.add(new CourseText(rs.getString("language"), rs.getString("title"), rs.getString("description")));
				return 1;
			}).list();
		Map<UUID, List<ServedRole>> roles = new HashMap<>();
		jdbc.sql("SELECT course_id, role, level FROM training_course_role WHERE course_id = ANY(CAST(:ids AS uuid[]))")
			.param("ids", ids)
			.query((rs, n) -> {
				roles.computeIfAbsent(rs.getObject("course_id", UUID.class), k -> new ArrayList<>())
					.add(new ServedRole(CompetencyRole.valueOf(rs.getString("role")), Level.valueOf(rs.getString("level"))));
				return 1;
			}).list();
		List<Course> courses = new ArrayList<>();
		for (Row r : rows) {
			List<CourseText> ordered = new ArrayList<>(texts.getOrDefault(r.id().value(), List.of()));
			// the first text is the one in the course's first language, if there is one
			ordered.sort((a, b) -> Integer.compare(rank(r.languages(), a.language()), rank(r.languages(), b.language())));
			List<ServedRole> served = new ArrayList<>(roles.getOrDefault(r.id().value(), List.of()));
			served.sort((a, b) -> a.role().compareTo(b.role()));
			ValidCourse details = new ValidCourse(ordered, served, r.format(), r.languages(), r.audiences(), r.zone(),
					r.startsAt(), r.endsAt(), r.venue(), r.seats(), r.quota(), r.deadline(), r.prerequisites(), r.cost(),
					r.funding());
			courses.add(new Course(r.id(), r.organiser(), r.organiserName(), r.status(), details, r.updatedAt(),
					r.publishedAt()));
		}
		return courses;
	}

	private static int rank(List<String> languages, String language) {
		int index = languages.indexOf(language);
		return index < 0 ? Integer.MAX_VALUE : index;
	}
}
