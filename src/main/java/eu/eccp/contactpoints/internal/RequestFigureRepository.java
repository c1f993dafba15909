package eu.eccp.contactpoints.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.contactpoints.RequestFigures;
import eu.eccp.contactpoints.RequestKind;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.OrganisationId;

/**
 * Reads each request's kind, parties and times (requests are few: thousands, not millions), puts the parties'
 * countries in place of the organisations, and works out the medians and 90th percentiles per group (linear
 * interpolation, as PostgreSQL's {@code percentile_cont}).
 */
@Repository
class RequestFigureRepository implements RequestFigures {

	private final JdbcClient jdbc;
	private final Organisations organisations;

	RequestFigureRepository(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	private record Times(String kind, UUID requester, UUID recipient, @Nullable Double acknowledge, @Nullable Double fulfil) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<Group> byKindAndCountries() {
		List<Times> times = jdbc.sql("""
				SELECT kind, requester_org, recipient_org,
				  EXTRACT(EPOCH FROM (acknowledged_at - sent_at)) / 60 AS acknowledge,
				  CASE WHEN status IN ('FULFILLED', 'PARTIALLY_FULFILLED') THEN EXTRACT(EPOCH FROM (closed_at - sent_at)) / 60 END AS fulfil
				FROM urgent_request""")
			.query((rs, n) -> new Times(rs.getString("kind"), rs.getObject("requester_org", UUID.class),
					rs.getObject("recipient_org", UUID.class), number(rs.getObject("acknowledge")), number(rs.getObject("fulfil"))))
			.list();
		Map<UUID, String> countries = new HashMap<>();
		Map<List<String>, List<Times>> groups = new TreeMap<>((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
		for (Times t : times) {
			String from = countries.computeIfAbsent(t.requester(), this::country);
			String to = countries.computeIfAbsent(t.recipient(), this::country);
			groups.computeIfAbsent(List.of(t.kind(), from, to), k -> new ArrayList<>()).add(t);
		}
		List<Group> result = new ArrayList<>();
		groups.forEach((key, list) -> {
			List<Double> acknowledge = list.stream().map(Times::acknowledge).filter(java.util.Objects::nonNull).sorted().toList();
			List<Double> fulfil = list.stream().map(Times::fulfil).filter(java.util.Objects::nonNull).sorted().toList();
			result.add(new Group(RequestKind.valueOf(key.get(0)), key.get(1), key.get(2), list.size(), acknowledge.size(),
					percentile(acknowledge, 0.5), percentile(acknowledge, 0.9), fulfil.size(), percentile(fulfil, 0.5),
					percentile(fulfil, 0.9)));
		});
		return result;
	}

	private String country(UUID organisation) {
		Optional<OrganisationView> view = organisations.find(new OrganisationId(organisation));
		return view.map(v -> v.country().value()).orElse("");
	}

	private static @Nullable Double number(@Nullable Object value) {
		return value == null ? null : ((Number) value).doubleValue();
	}

	/** Linearly interpolated percentile of sorted values, as {@code percentile_cont}. */
	static @Nullable Double percentile(List<Double> sorted, double fraction) {
		if (sorted.isEmpty()) {
			return null;
		}
		double position = fraction * (sorted.size() - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
	}
}
