package eu.eccp.statistics.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.UserId;

/** Countries' official figures by year and ICCS code ({@code statistics_national_figure}). */
@Repository
class NationalFigureRepository {

	private final JdbcClient jdbc;

	NationalFigureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the figures in one statement; a country's figure for a year and code replaces the one before. */
	void saveAll(String country, Collection<NationalFigures.Figure> figures, UserId by, Instant at) {
		jdbc.sql("""
				INSERT INTO statistics_national_figure (country, year, iccs_code, recorded, source, uploaded_by, uploaded_at)
				SELECT :country, y, c, r, s, :by, :at
				FROM unnest(CAST(:years AS int[]), CAST(:codes AS text[]), CAST(:recorded AS bigint[]), CAST(:sources AS text[]))
				  AS t(y, c, r, s)
				ON CONFLICT (country, year, iccs_code) DO UPDATE SET recorded = EXCLUDED.recorded, source = EXCLUDED.source,
				  uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at""")
			.param("country", country)
			.param("by", by.value())
			.param("at", SqlTimes.at(at))
			.param("years", figures.stream().map(NationalFigures.Figure::year).toArray(Integer[]::new))
			.param("codes", figures.stream().map(NationalFigures.Figure::iccsCode).toArray(String[]::new))
			.param("recorded", figures.stream().map(NationalFigures.Figure::recorded).toArray(Long[]::new))
			.param("sources", figures.stream().map(NationalFigures.Figure::source).toArray(String[]::new))
			.update();
	}

	/** The figures of some countries (all when empty) for one year, by country and code. */
	List<NationalFigures.Figure> of(Set<String> countries, int year) {
		return jdbc.sql("""
				SELECT country, year, iccs_code, recorded, source FROM statistics_national_figure
				WHERE year = :year AND (CAST(:all AS boolean) OR country = ANY (CAST(:countries AS text[])))
				ORDER BY country, iccs_code""")
			.param("year", year)
			.param("all", countries.isEmpty())
			.param("countries", countries.toArray(String[]::new))
			.query((rs, n) -> new NationalFigures.Figure(rs.getString("country"), rs.getInt("year"), rs.getString("iccs_code"),
					rs.getLong("recorded"), rs.getString("source")))
			.list();
	}
}
