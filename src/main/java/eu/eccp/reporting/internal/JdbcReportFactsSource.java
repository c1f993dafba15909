package eu.eccp.reporting.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportFacts;
import eu.eccp.reporting.ReportFactsSource;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.SqlTimes;

/** Pages of report facts on the primary key; duplicates (which have {@code duplicate_of}) are left out. */
@Component
class JdbcReportFactsSource implements ReportFactsSource {

	private static final UUID FIRST = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);

	private final JdbcClient jdbc;
	private final Organisations organisations;

	JdbcReportFactsSource(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReportFacts> after(@Nullable ReportId after, int limit) {
		Map<UUID, Optional<CountryCode>> countries = new HashMap<>();
		List<Row> rows = jdbc.sql("""
				SELECT id, offence, owner_org, victim_countries, occurred_at, submitted_at, loss_amount, loss_currency
				FROM report WHERE id > :after AND duplicate_of IS NULL ORDER BY id LIMIT :limit""")
			.param("after", after == null ? FIRST : after.value())
			.param("limit", limit)
			.query((rs, n) -> {
				Array victims = rs.getArray("victim_countries");
				return new Row(new ReportId(rs.getObject("id", UUID.class)), Offence.valueOf(rs.getString("offence")),
						rs.getObject("owner_org", UUID.class),
						victims == null ? List.of() : Arrays.stream((String[]) victims.getArray()).map(CountryCode::new).toList(),
						SqlTimes.instant(rs, "occurred_at"), SqlTimes.instant(rs, "submitted_at"), rs.getBigDecimal("loss_amount"),
						rs.getString("loss_currency"));
			})
			.list();
		// a report whose unit has left the platform has no unit country and is not counted, as in ReportCorrelation
		return rows.stream()
			.flatMap(row -> countries
				.computeIfAbsent(row.owner(), o -> organisations.find(new OrganisationId(o)).map(OrganisationView::country))
				.map(country -> new ReportFacts(row.id(), row.offence(), country, row.victims(), row.occurredAt(),
						row.submittedAt(), row.lossAmount(), row.lossCurrency()))
				.stream())
			.toList();
	}

	private record Row(ReportId id, Offence offence, UUID owner, List<CountryCode> victims, @Nullable Instant occurredAt,
			Instant submittedAt, @Nullable BigDecimal lossAmount, @Nullable String lossCurrency) {
	}
}
