package eu.eccp.reporting.internal;

import java.sql.Array;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.reporting.Offence;
import eu.eccp.reporting.OffenceTrends;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.SqlTimes;

/** {@link OffenceTrends} as counts over the report table; no report's content or reporter is read. */
@Component
class JdbcOffenceTrends implements OffenceTrends {

	static final int MAX_IDS = 1000;

	private static final Duration WEEK = Duration.ofDays(7);

	private final JdbcClient jdbc;

	JdbcOffenceTrends(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Offence, Long> offencesOf(Collection<ReportId> reports) {
		Map<Offence, Long> counts = new EnumMap<>(Offence.class);
		if (reports.isEmpty()) {
			return counts;
		}
		UUID[] ids = reports.stream().limit(MAX_IDS).map(ReportId::value).toArray(UUID[]::new);
		jdbc.sql("""
				SELECT offence, count(*) FROM report
				WHERE id = ANY(:ids) AND tlp <> 'RED' AND duplicate_of IS NULL
				GROUP BY offence""")
			.param("ids", ids)
			.query(rs -> {
				Offence offence = Offence.parse(rs.getString(1));
				if (offence != null) {
					counts.put(offence, rs.getLong(2));
				}
			});
		return counts;
	}

	@Override
	@Transactional(readOnly = true)
	public List<OffenceWeek> lastWeek(Instant now, int baselineWeeks) {
		Instant weekStart = now.minus(WEEK);
		Instant baselineStart = weekStart.minus(WEEK.multipliedBy(Math.max(1, baselineWeeks)));
		List<OffenceWeek> weeks = new ArrayList<>();
		jdbc.sql("""
				SELECT offence,
				       count(*) FILTER (WHERE submitted_at >= :week) AS this_week,
				       count(*) FILTER (WHERE submitted_at < :week) AS before,
				       min(submitted_at) FILTER (WHERE submitted_at >= :week) AS first_seen,
				       (SELECT array_agg(DISTINCT c ORDER BY c) FROM report w,
				               unnest(w.victim_countries || COALESCE(ARRAY[w.residence_country::text], '{}')) AS c
				        WHERE w.offence = r.offence AND w.submitted_at >= :week AND w.submitted_at < :now
				          AND w.tlp <> 'RED' AND w.duplicate_of IS NULL) AS countries
				FROM report r
				WHERE submitted_at >= :baseline AND submitted_at < :now AND tlp <> 'RED' AND duplicate_of IS NULL
				GROUP BY offence
				HAVING count(*) FILTER (WHERE submitted_at >= :week) > 0""")
			.param("week", SqlTimes.at(weekStart))
			.param("baseline", SqlTimes.at(baselineStart))
			.param("now", SqlTimes.at(now))
			.query(rs -> {
				Offence offence = Offence.parse(rs.getString("offence"));
				if (offence == null) {
					return;
				}
				weeks.add(new OffenceWeek(offence, rs.getLong("this_week"),
						rs.getLong("before") / (double) Math.max(1, baselineWeeks), countries(rs.getArray("countries")),
						SqlTimes.instant(rs, "first_seen")));
			});
		return weeks;
	}

	private static List<CountryCode> countries(Array array) throws java.sql.SQLException {
		List<CountryCode> countries = new ArrayList<>();
		if (array == null) {
			return countries;
		}
		for (Object code : (Object[]) array.getArray()) {
			if (code != null && CountryCode.isValid(code.toString().strip())) {
				countries.add(CountryCode.of(code.toString().strip()));
			}
		}
		return countries;
	}
}
