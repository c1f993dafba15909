package eu.eccp.statistics.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.reporting.Offence;
import eu.eccp.shared.SqlTimes;

/** The statistics tables: counted reports, the roll-up, job state. Set-based statements over arrays. */
@Repository
class RollupRepository {

	private final JdbcClient jdbc;

	RollupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every change of the roll-up holds this lock until it commits, so changes never interleave (no lost update,
	 * no deadlock) and a job reading correlation's clusters sees every report recorded before it.
	 */
	void lock() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('eccp.statistics.rollup'))").query(Object.class).single();
	}

	List<ReportFact> find(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM statistics_report WHERE report_id = ANY (CAST(:ids AS uuid[]))")
			.param("ids", ids.toArray(UUID[]::new))
			.query(this::fact)
			.list();
	}

	List<ReportFact> inClusters(Collection<Long> clusters) {
		if (clusters.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM statistics_report WHERE cluster_id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", clusters.toArray(Long[]::new))
			.query(this::fact)
			.list();
	}

	void save(Collection<ReportFact> facts) {
		if (facts.isEmpty()) {
			return;
		}
		List<ReportFact> list = new ArrayList<>(facts);
		jdbc.sql("""
				INSERT INTO statistics_report (report_id, offence, unit_country, victim_countries, occurred_month,
				  reported_month, reported_at, loss_amount, loss_currency, loss_eur, cluster_id, first_of_incident)
				SELECT id, o, uc, string_to_array(v, ','), om, rm, ra, la, lc, le, cl, f
				FROM unnest(CAST(:ids AS uuid[]), CAST(:offences AS text[]), CAST(:units AS text[]), CAST(:victims AS text[]),
				  CAST(:occurred AS date[]), CAST(:reported AS date[]), CAST(:at AS timestamptz[]), CAST(:amounts AS numeric[]),
				  CAST(:currencies AS text[]), CAST(:eur AS numeric[]), CAST(:clusters AS bigint[]), CAST(:first AS boolean[]))
				  AS t(id, o, uc, v, om, rm, ra, la, lc, le, cl, f)
				ON CONFLICT (report_id) DO UPDATE SET offence = EXCLUDED.offence, unit_country = EXCLUDED.unit_country,
				  victim_countries = EXCLUDED.victim_countries, occurred_month = EXCLUDED.occurred_month,
				  reported_month = EXCLUDED.reported_month, reported_at = EXCLUDED.reported_at,
				  loss_amount = EXCLUDED.loss_amount, loss_currency = EXCLUDED.loss_currency, loss_eur = EXCLUDED.loss_eur,
				  cluster_id = EXCLUDED.cluster_id, first_of_incident = EXCLUDED.first_of_incident""")
			.param("ids", list.stream().map(ReportFact::reportId).toArray(UUID[]::new))
			.param("offences", list.stream().map(f -> f.offence().name()).toArray(String[]::new))
			.param("units", list.stream().map(ReportFact::unitCountry).toArray(String[]::new))
			.param("victims", list.stream().map(f -> String.join(",", f.victimCountries())).toArray(String[]::new))
			.param("occurred", list.stream().map(f -> f.occurredMonth() == null ? null : Date.valueOf(f.occurredMonth()))
				.toArray(Date[]::new))
			.param("reported", list.stream().map(f -> Date.valueOf(f.reportedMonth())).toArray(Date[]::new))
			.param("at", list.stream().map(f -> java.sql.Timestamp.from(f.reportedAt())).toArray(java.sql.Timestamp[]::new))
			.param("amounts", list.stream().map(ReportFact::lossAmount).toArray(BigDecimal[]::new))
			.param("currencies", list.stream().map(ReportFact::lossCurrency).toArray(String[]::new))
			.param("eur", list.stream().map(ReportFact::lossEur).toArray(BigDecimal[]::new))
			.param("clusters", list.stream().map(ReportFact::clusterId).toArray(Long[]::new))
			.param("first", list.stream().map(ReportFact::firstOfIncident).toArray(Boolean[]::new))
			.update();
	}

	/** Adds the changes to the roll-up, in the cells' order (a cell that falls to nothing stays, as a zero). */
	void apply(Map<CellKey, CellDelta> deltas) {
		List<Map.Entry<CellKey, CellDelta>> changes = deltas.entrySet().stream()
			.filter(e -> !e.getValue().isZero())
			.sorted(Map.Entry.comparingByKey())
			.toList();
		if (changes.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO statistics_cell (measure, basis, month, offence, country, currency, n, eur, original_amount)
				SELECT * FROM unnest(CAST(:measures AS text[]), CAST(:bases AS text[]), CAST(:months AS date[]),
				  CAST(:offences AS text[]), CAST(:countries AS text[]), CAST(:currencies AS text[]), CAST(:n AS bigint[]),
				  CAST(:eur AS numeric[]), CAST(:original AS numeric[]))
				ON CONFLICT (measure, basis, month, offence, country, currency) DO UPDATE
				SET n = statistics_cell.n + EXCLUDED.n, eur = statistics_cell.eur + EXCLUDED.eur,
				  original_amount = statistics_cell.original_amount + EXCLUDED.original_amount""")
			.param("measures", changes.stream().map(e -> e.getKey().measure().name()).toArray(String[]::new))
			.param("bases", changes.stream().map(e -> e.getKey().basis().name()).toArray(String[]::new))
			.param("months", changes.stream().map(e -> Date.valueOf(e.getKey().month())).toArray(Date[]::new))
			.param("offences", changes.stream().map(e -> e.getKey().offence()).toArray(String[]::new))
			.param("countries", changes.stream().map(e -> e.getKey().country()).toArray(String[]::new))
			.param("currencies", changes.stream().map(e -> e.getKey().currency()).toArray(String[]::new))
			.param("n", changes.stream().map(e -> e.getValue().n()).toArray(Long[]::new))
			.param("eur", changes.stream().map(e -> e.getValue().eur()).toArray(BigDecimal[]::new))
			.param("original", changes.stream().map(e -> e.getValue().original()).toArray(BigDecimal[]::new))
			.update();
	}

	/** The roll-up rows of one measure and basis in a range of months, for the offences and countries given. */
	List<CellRow> cells(Measure measure, Basis basis, LocalDate from, LocalDate to, boolean withUnknownMonth,
			@Nullable Set<String> offences, @Nullable Set<String> countries, boolean byOffence, boolean byCountry) {
		// what the table does not break down by is summed here, so a table reads one row per shown value
		String offence = byOffence ? "offence" : "'" + Offence.UNDETERMINED.name() + "'";
		String country = byCountry ? "country" : "''";
		StringBuilder sql = new StringBuilder("SELECT month, " + offence + " AS offence, " + country + " AS country, "
				+ """
				currency, sum(n) AS n, sum(eur) AS eur, sum(original_amount) AS original
				FROM statistics_cell WHERE measure = :measure AND basis = :basis
				  AND (month BETWEEN :from AND :to""");
		sql.append(withUnknownMonth ? " OR month = :unknown)" : ")");
		Map<String, Object> params = new java.util.HashMap<>(Map.of("measure", measure.name(), "basis", basis.name(),
				"from", Date.valueOf(from), "to", Date.valueOf(to), "unknown", Date.valueOf(Rollups.UNKNOWN_MONTH)));
		if (offences != null) {
			sql.append(" AND offence = ANY (CAST(:offences AS text[]))");
			params.put("offences", offences.toArray(String[]::new));
		}
		if (countries != null) {
			sql.append(" AND country = ANY (CAST(:countries AS text[]))");
			params.put("countries", countries.toArray(String[]::new));
		}
		sql.append(" GROUP BY 1, 2, 3, 4");
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new CellRow(rs.getDate("month").toLocalDate(), Offence.valueOf(rs.getString("offence")),
					rs.getString("country"), rs.getString("currency"), rs.getLong("n"), rs.getBigDecimal("eur"),
					rs.getBigDecimal("original")))
			.list();
	}

	/** A roll-up row read back (summed over what the query does not break down). */
	record CellRow(LocalDate month, Offence offence, String country, String currency, long n, BigDecimal eur,
			BigDecimal original) {
	}

	/** The months that have any report, for the period choices. */
	Optional<LocalDate[]> reportedMonthRange() {
		return jdbc.sql("""
				SELECT min(month) AS first, max(month) AS last FROM statistics_cell
				WHERE measure = 'REPORTS' AND basis = 'REPORTED'""")
			.query((rs, n) -> rs.getDate("first") == null ? null
					: new LocalDate[] { rs.getDate("first").toLocalDate(), rs.getDate("last").toLocalDate() })
			.optional();
	}

	long countedReports() {
		return jdbc.sql("SELECT count(*) FROM statistics_report").query(Long.class).single();
	}

	Optional<String> state(String key) {
		return jdbc.sql("SELECT value FROM statistics_state WHERE key = :key").param("key", key).query(String.class)
			.optional();
	}

	void state(String key, String value, Instant now) {
		jdbc.sql("""
				INSERT INTO statistics_state (key, value, updated_at) VALUES (:key, :value, :now)
				ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at""")
			.param("key", key)
			.param("value", value)
			.param("now", SqlTimes.at(now))
			.update();
	}

	private ReportFact fact(ResultSet rs, int row) throws SQLException {
		Array victims = rs.getArray("victim_countries");
		Date occurred = rs.getDate("occurred_month");
		long cluster = rs.getLong("cluster_id");
		Long clusterId = rs.wasNull() ? null : cluster;
		return new ReportFact(rs.getObject("report_id", UUID.class), Offence.valueOf(rs.getString("offence")),
				rs.getString("unit_country"), victims == null ? List.of() : Arrays.asList((String[]) victims.getArray()),
				occurred == null ? null : occurred.toLocalDate(), rs.getDate("reported_month").toLocalDate(),
				java.util.Objects.requireNonNull(SqlTimes.instant(rs, "reported_at")), rs.getBigDecimal("loss_amount"),
				rs.getString("loss_currency"), rs.getBigDecimal("loss_eur"), clusterId, rs.getBoolean("first_of_incident"));
	}
}
