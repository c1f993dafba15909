package eu.eccp.blocklist.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;

/**
 * ISPs' agreements ({@code blocklist_subscription}), their syncs ({@code blocklist_sync}) and the version each
 * confirms it applies ({@code blocklist_applied}).
 */
@Repository
class IspSyncRepository {

	/** One subscribed ISP and country with the list's current version and what the ISP applied and fetched. */
	record StatusRow(OrganisationId organisation, String country, long currentVersion, @Nullable Long appliedVersion,
			@Nullable Instant confirmedAt, @Nullable Instant lastSyncAt) {
	}

	private final JdbcClient jdbc;

	IspSyncRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the organisation's agreement for the country allows the RPZ zone; empty without an agreement. */
	Optional<Boolean> rpzAllowed(OrganisationId org, String country) {
		return jdbc.sql("SELECT rpz_allowed FROM blocklist_subscription WHERE organisation_id = :org AND country = :c")
			.param("org", org.value())
			.param("c", country)
			.query(Boolean.class)
			.optional();
	}

	void addSync(OrganisationId org, String country, String kind, @Nullable Long since, long served, Instant at) {
		jdbc.sql("""
				INSERT INTO blocklist_sync (organisation_id, country, kind, since_version, served_version, at)
				VALUES (:org, :c, :kind, :since, :served, :at)""")
			.param("org", org.value())
			.param("c", country)
			.param("kind", kind)
			.param("since", since)
			.param("served", served)
			.param("at", at(at))
			.update();
	}

	void confirmApplied(OrganisationId org, String country, long version, Instant at) {
		jdbc.sql("""
				INSERT INTO blocklist_applied (organisation_id, country, version, confirmed_at) VALUES (:org, :c, :v, :at)
				ON CONFLICT (organisation_id, country) DO UPDATE SET version = EXCLUDED.version, confirmed_at = EXCLUDED.confirmed_at""")
			.param("org", org.value())
			.param("c", country)
			.param("v", version)
			.param("at", at(at))
			.update();
	}

	/** Replaces the ISP's agreement by one for these countries. */
	void replaceSubscriptions(OrganisationId isp, Collection<String> countries, boolean rpzAllowed, Instant at) {
		jdbc.sql("DELETE FROM blocklist_subscription WHERE organisation_id = :org").param("org", isp.value()).update();
		for (String code : countries) {
			jdbc.sql("""
					INSERT INTO blocklist_subscription (organisation_id, country, rpz_allowed, created_at)
					VALUES (:org, :c, :rpz, :at)""")
				.param("org", isp.value())
				.param("c", code)
				.param("rpz", rpzAllowed)
				.param("at", at(at))
				.update();
		}
	}

	/** Adds the agreement unless the ISP has one for the country; whether it was added. */
	boolean subscribeIfAbsent(OrganisationId isp, String country, boolean rpzAllowed, Instant at) {
		return jdbc.sql("""
				INSERT INTO blocklist_subscription (organisation_id, country, rpz_allowed, created_at)
				VALUES (:org, :c, :rpz, :at) ON CONFLICT DO NOTHING""")
			.param("org", isp.value())
			.param("c", country)
			.param("rpz", rpzAllowed)
			.param("at", at(at))
			.update() > 0;
	}

	/** Every subscribed ISP and country; those furthest behind first. */
	List<StatusRow> status() {
		return jdbc.sql("""
				SELECT s.organisation_id, s.country, COALESCE(c.version, 0) AS current, a.version AS applied,
				  a.confirmed_at, (SELECT max(y.at) FROM blocklist_sync y WHERE y.organisation_id = s.organisation_id
				                   AND y.country = s.country) AS last_sync
				FROM blocklist_subscription s
				LEFT JOIN blocklist_country c ON c.country = s.country
				LEFT JOIN blocklist_applied a ON a.organisation_id = s.organisation_id AND a.country = s.country
				ORDER BY (COALESCE(c.version, 0) - COALESCE(a.version, 0)) DESC, s.organisation_id, s.country""")
			.query((rs, i) -> new StatusRow(OrganisationId.parse(rs.getString("organisation_id")), rs.getString("country"),
					rs.getLong("current"), rs.getObject("applied") == null ? null : rs.getLong("applied"),
					instant(rs, "confirmed_at"), instant(rs, "last_sync")))
			.list();
	}
}
