package eu.eccp.blocklist.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * Which ISPs receive which country's list (their agreement, and whether it allows the clear-text RPZ zone),
 * every sync they make, the version each confirms it applies, and who is behind. Subscriptions are managed
 * by coordinators and block-list officers; an ISP's people and service tokens with the PARTNER role fetch
 * only the countries their organisation subscribes to.
 */
@Service
public class IspSyncs {

	static final Role[] MANAGERS = { Role.COORDINATOR, Role.BLOCKLIST_OFFICER };

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	private final CountryLists lists;

	IspSyncs(JdbcClient jdbc, Organisations organisations, AuditTrail audit, Clock clock, CountryLists lists) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.lists = lists;
	}

	/** An ISP's agreement for one country. */
	public record Subscription(OrganisationId organisation, String country, boolean rpzAllowed) {
	}

	/** Where an ISP stands for one country, for the coordinator. */
	public record IspStatus(OrganisationId organisation, String organisationName, String country, long currentVersion,
			@Nullable Long appliedVersion, @Nullable Instant confirmedAt, @Nullable Instant lastSyncAt,
			long versionsBehind, boolean behind) {
	}

	/** Fails unless the caller is a partner of an ISP subscribed to the country; returns the subscription. */
	@Transactional(readOnly = true)
	public Subscription requireSubscriber(CallerContext caller, String country) {
		caller.requireAny(Role.PARTNER);
		return jdbc.sql("SELECT rpz_allowed FROM blocklist_subscription WHERE organisation_id = :org AND country = :c")
			.param("org", caller.organisationId().value())
			.param("c", country)
			.query(Boolean.class)
			.optional()
			.map(rpz -> new Subscription(caller.organisationId(), country, rpz))
			.orElseThrow(() -> new AccessDeniedException("no block-list agreement for " + country));
	}

	/** Records one sync request of an ISP (kind: full, delta, rpz, full-required). */
	@Transactional
	public void recordSync(CallerContext caller, String country, String kind, @Nullable Long since, long served) {
		jdbc.sql("""
				INSERT INTO blocklist_sync (organisation_id, country, kind, since_version, served_version, at)
				VALUES (:org, :c, :kind, :since, :served, :at)""")
			.param("org", caller.organisationId().value())
			.param("c", country)
			.param("kind", kind)
			.param("since", since)
			.param("served", served)
			.param("at", at(clock.instant()))
			.update();
	}

	/** The ISP's confirmation of the version it applies. */
	@Transactional
	public void confirm(CallerContext caller, String country, long version) {
		requireSubscriber(caller, country);
		long current = lists.version(country);
		if (version < 0 || version > current) {
			throw new InvalidRequestException("version", "blocklist.error.version");
		}
		jdbc.sql("""
				INSERT INTO blocklist_applied (organisation_id, country, version, confirmed_at) VALUES (:org, :c, :v, :at)
				ON CONFLICT (organisation_id, country) DO UPDATE SET version = EXCLUDED.version, confirmed_at = EXCLUDED.confirmed_at""")
			.param("org", caller.organisationId().value())
			.param("c", country)
			.param("v", version)
			.param("at", at(clock.instant()))
			.update();
		audit.record(new AuditEvent("blocklist.version.applied", "blocklist-country", country, "version=" + version, false));
	}

	/** Sets an ISP's countries (replacing its previous agreement). */
	@Transactional
	public List<Subscription> subscribe(CallerContext caller, OrganisationId isp, Set<String> countries, boolean rpzAllowed) {
		caller.requireAny(MANAGERS);
		OrganisationView org = organisations.find(isp).orElseThrow(() -> new RecordNotFoundException("no organisation " + isp));
		if (org.type() != OrganisationType.ISP) {
			throw new InvalidRequestException("organisation", "blocklist.error.not-isp");
		}
		Set<String> codes = new TreeSet<>();
		for (String c : countries) {
			String code = c == null ? "" : c.strip().toUpperCase(Locale.ROOT);
			if (!CountryCode.EU_MEMBER_STATES.contains(code)) {
				throw new InvalidRequestException("countries", "blocklist.error.countries");
			}
			codes.add(code);
		}
		jdbc.sql("DELETE FROM blocklist_subscription WHERE organisation_id = :org").param("org", isp.value()).update();
		for (String code : codes) {
			jdbc.sql("""
					INSERT INTO blocklist_subscription (organisation_id, country, rpz_allowed, created_at)
					VALUES (:org, :c, :rpz, :at)""")
				.param("org", isp.value())
				.param("c", code)
				.param("rpz", rpzAllowed)
				.param("at", at(clock.instant()))
				.update();
		}
		audit.record(new AuditEvent("blocklist.subscription.set", "organisation", isp.toString(),
				"countries=" + String.join(",", codes) + " rpz=" + rpzAllowed, false));
		return codes.stream().map(c -> new Subscription(isp, c, rpzAllowed)).toList();
	}

	/** Every subscribed ISP and country with its applied version; those behind first. */
	@Transactional(readOnly = true)
	public List<IspStatus> status(CallerContext caller) {
		caller.requireAny(MANAGERS);
		Map<OrganisationId, String> names = new HashMap<>(); // one lookup per organisation, not per row
		return jdbc.sql("""
				SELECT s.organisation_id, s.country, COALESCE(c.version, 0) AS current, a.version AS applied,
				  a.confirmed_at, (SELECT max(y.at) FROM blocklist_sync y WHERE y.organisation_id = s.organisation_id
				                   AND y.country = s.country) AS last_sync
				FROM blocklist_subscription s
				LEFT JOIN blocklist_country c ON c.country = s.country
				LEFT JOIN blocklist_applied a ON a.organisation_id = s.organisation_id AND a.country = s.country
				ORDER BY (COALESCE(c.version, 0) - COALESCE(a.version, 0)) DESC, s.organisation_id, s.country""")
			.query((rs, i) -> {
				long current = rs.getLong("current");
				Long applied = rs.getObject("applied") == null ? null : rs.getLong("applied");
				long behind = current - (applied == null ? 0 : applied);
				OrganisationId org = OrganisationId.parse(rs.getString("organisation_id"));
				return new IspStatus(org, names.computeIfAbsent(org, o -> organisations.find(o).map(OrganisationView::name).orElse(o.toString())),
						rs.getString("country"), current, applied, instant(rs, "confirmed_at"), instant(rs, "last_sync"),
						behind, behind > 0);
			})
			.list();
	}
}
