package eu.eccp.awareness.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.awareness.AdvisoryId;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;

/** Stored suggestions, one per signal (a cluster, an offence's week), refreshed while they are open. */
@Repository
class SuggestionRepository {

	private final JdbcClient jdbc;

	SuggestionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a suggestion for the signal, or refreshes its facts while it is open (a used or dismissed one stays
	 * as it is). Idempotent, so a run cut short by a crash is simply done again.
	 *
	 * @return whether it is new
	 */
	boolean upsert(String signalKey, SuggestionKind kind, @Nullable Offence offence, List<CountryCode> countries,
			int reportCount, @Nullable Double baseline, Instant firstSeen, List<String> clearIndicators, Instant now) {
		Boolean inserted = jdbc.sql("""
				INSERT INTO advisory_suggestion (id, kind, signal_key, offence, countries, report_count, baseline, first_seen,
				  clear_indicators, status, created_at, refreshed_at)
				VALUES (:id, :kind, :key, :offence, :countries, :count, :baseline, :first, :indicators, 'OPEN', :now, :now)
				ON CONFLICT (signal_key) DO UPDATE SET offence = EXCLUDED.offence, countries = EXCLUDED.countries,
				  report_count = EXCLUDED.report_count, baseline = EXCLUDED.baseline, first_seen = EXCLUDED.first_seen,
				  clear_indicators = EXCLUDED.clear_indicators, refreshed_at = EXCLUDED.refreshed_at
				  WHERE advisory_suggestion.status = 'OPEN'
				RETURNING (xmax = 0)""")
			.param("id", UUID.randomUUID())
			.param("kind", kind.name())
			.param("key", signalKey)
			.param("offence", offence == null ? null : offence.name())
			.param("countries", AdvisoryRepository.codes(countries))
			.param("count", reportCount)
			.param("baseline", baseline)
			.param("first", at(firstSeen))
			.param("indicators", clearIndicators.toArray(String[]::new))
			.param("now", at(now))
			.query(Boolean.class)
			.optional()
			.orElse(false);
		return Boolean.TRUE.equals(inserted);
	}

	List<Suggestion> open(int limit) {
		return jdbc.sql("SELECT * FROM advisory_suggestion WHERE status = 'OPEN' ORDER BY refreshed_at DESC, id LIMIT :limit")
			.param("limit", limit)
			.query(SuggestionRepository::suggestion)
			.list();
	}

	Optional<Suggestion> find(UUID id) {
		return jdbc.sql("SELECT * FROM advisory_suggestion WHERE id = :id").param("id", id).query(SuggestionRepository::suggestion)
			.optional();
	}

	void markUsed(UUID id, AdvisoryId advisory) {
		jdbc.sql("UPDATE advisory_suggestion SET status = 'USED', advisory_id = :advisory WHERE id = :id")
			.param("id", id)
			.param("advisory", advisory.value())
			.update();
	}

	boolean dismiss(UUID id) {
		return jdbc.sql("UPDATE advisory_suggestion SET status = 'DISMISSED' WHERE id = :id AND status = 'OPEN'")
			.param("id", id)
			.update() == 1;
	}

	private static Suggestion suggestion(ResultSet rs, int n) throws SQLException {
		String offence = rs.getString("offence");
		double baseline = rs.getDouble("baseline");
		boolean noBaseline = rs.wasNull();
		return new Suggestion(rs.getObject("id", UUID.class), SuggestionKind.valueOf(rs.getString("kind")),
				offence == null ? null : Offence.valueOf(offence), AdvisoryRepository.countries(rs.getArray("countries")),
				rs.getInt("report_count"), noBaseline ? null : baseline, instant(rs, "first_seen"),
				Arrays.stream((Object[]) rs.getArray("clear_indicators").getArray()).map(Object::toString).toList(),
				Suggestion.Status.valueOf(rs.getString("status")), rs.getObject("advisory_id", UUID.class),
				instant(rs, "created_at"), instant(rs, "refreshed_at"));
	}
}
