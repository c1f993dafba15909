package eu.eccp.training.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.UserId;

@Repository
class NeedRepository {

	private final JdbcClient jdbc;

	NeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a need; a need for the same year, role and level replaces the earlier figure. */
	UUID upsert(OrganisationId organisation, CountryCode country, int year, CompetencyRole role, Level level, int officials,
			Priority priority, UserId by, Instant now) {
		return jdbc.sql("""
				INSERT INTO training_need (id, organisation_id, country, year, role, level, officials, priority, recorded_by,
				  recorded_at)
				VALUES (:id, :org, :country, :year, :role, :level, :officials, :priority, :by, :now)
				ON CONFLICT (organisation_id, year, role, level) DO UPDATE SET officials = EXCLUDED.officials,
				  priority = EXCLUDED.priority, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
				RETURNING id""")
			.param("id", UUID.randomUUID())
			.param("org", organisation.value())
			.param("country", country.value())
			.param("year", year)
			.param("role", role.name())
			.param("level", level.name())
			.param("officials", officials)
			.param("priority", priority.name())
			.param("by", by.value())
			.param("now", SqlTimes.at(now))
			.query(UUID.class)
			.single();
	}

	boolean delete(OrganisationId organisation, UUID id) {
		return jdbc.sql("DELETE FROM training_need WHERE id = :id AND organisation_id = :org")
			.param("id", id).param("org", organisation.value()).update() == 1;
	}

	Optional<TrainingNeed> find(OrganisationId organisation, UUID id) {
		return jdbc.sql("SELECT * FROM training_need WHERE id = :id AND organisation_id = :org")
			.param("id", id).param("org", organisation.value())
			.query(NeedRepository::need).optional();
	}

	List<TrainingNeed> of(OrganisationId organisation, int year) {
		return jdbc.sql("""
				SELECT * FROM training_need WHERE organisation_id = :org AND year = :year
				ORDER BY CASE priority WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, role, level""")
			.param("org", organisation.value()).param("year", year)
			.query(NeedRepository::need).list();
	}

	Coverage coverage(int year) {
		Map<String, long[]> totals = new LinkedHashMap<>();
		Map<String, long[]> byCountry = new LinkedHashMap<>();
		jdbc.sql("SELECT role, level, country, sum(officials) AS needed FROM training_need WHERE year = :year"
				+ " GROUP BY role, level, country")
			.param("year", year)
			.query((rs, n) -> {
				long needed = rs.getLong("needed");
				totals.computeIfAbsent(rs.getString("role") + ":" + rs.getString("level"), k -> new long[2])[0] += needed;
				byCountry.computeIfAbsent(rs.getString("role") + ":" + rs.getString("level") + ":" + rs.getString("country"),
						k -> new long[3])[0] = needed;
				return 1;
			}).list();
		Map<String, Long> openPerCountry = new HashMap<>();
		jdbc.sql("""
				SELECT r.role, r.level, sum(c.seats) AS seats, sum(coalesce(c.country_quota, c.seats)) AS per_country
				FROM training_course c JOIN training_course_role r ON r.course_id = c.id
				WHERE c.status = 'PUBLISHED' AND c.starts_at >= :from AND c.starts_at < :to
				GROUP BY r.role, r.level""")
			.param("from", SqlTimes.at(yearStart(year)))
			.param("to", SqlTimes.at(yearStart(year + 1)))
			.query((rs, n) -> {
				String key = rs.getString("role") + ":" + rs.getString("level");
				totals.computeIfAbsent(key, k -> new long[2])[1] = rs.getLong("seats");
				openPerCountry.put(key, rs.getLong("per_country"));
				return 1;
			}).list();
		jdbc.sql("""
				SELECT r.role, r.level, e.country, count(*) AS taken
				FROM training_enrolment e JOIN training_course c ON c.id = e.course_id
				JOIN training_course_role r ON r.course_id = c.id
				WHERE e.status IN ('ACCEPTED', 'COMPLETED') AND c.starts_at >= :from AND c.starts_at < :to
				GROUP BY r.role, r.level, e.country""")
			.param("from", SqlTimes.at(yearStart(year)))
			.param("to", SqlTimes.at(yearStart(year + 1)))
			.query((rs, n) -> {
				long[] row = byCountry.get(rs.getString("role") + ":" + rs.getString("level") + ":" + rs.getString("country"));
				if (row != null) {
					row[2] = rs.getLong("taken");
				}
				return 1;
			}).list();
		List<Coverage.Row> rows = new ArrayList<>();
		totals.forEach((key, v) -> {
			String[] parts = key.split(":");
			rows.add(new Coverage.Row(CompetencyRole.valueOf(parts[0]), Level.valueOf(parts[1]), v[0], v[1]));
		});
		rows.sort((a, b) -> a.role() != b.role() ? a.role().compareTo(b.role()) : a.level().compareTo(b.level()));
		List<Coverage.CountryRow> countries = new ArrayList<>();
		byCountry.forEach((key, v) -> {
			String[] parts = key.split(":");
			countries.add(new Coverage.CountryRow(CompetencyRole.valueOf(parts[0]), Level.valueOf(parts[1]),
					new CountryCode(parts[2]), v[0], openPerCountry.getOrDefault(parts[0] + ":" + parts[1], 0L), v[2]));
		});
		countries.sort((a, b) -> a.country().value().equals(b.country().value())
				? (a.role() != b.role() ? a.role().compareTo(b.role()) : a.level().compareTo(b.level()))
				: a.country().value().compareTo(b.country().value()));
		return new Coverage(year, rows, countries);
	}

	private static Instant yearStart(int year) {
		return java.time.LocalDate.of(year, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
	}

	static TrainingNeed need(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new TrainingNeed(rs.getObject("id", UUID.class), new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				new CountryCode(rs.getString("country")), rs.getInt("year"), CompetencyRole.valueOf(rs.getString("role")),
				Level.valueOf(rs.getString("level")), rs.getInt("officials"), Priority.valueOf(rs.getString("priority")),
				SqlTimes.instant(rs, "recorded_at"));
	}
}
