package eu.eccp.blocklist.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
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

	private final IspSyncRepository syncs;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	private final CountryLists lists;

	IspSyncs(IspSyncRepository syncs, Organisations organisations, AuditTrail audit, Clock clock, CountryLists lists) {
		this.syncs = syncs;
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
		return syncs.rpzAllowed(caller.organisationId(), country)
			.map(rpz -> new Subscription(caller.organisationId(), country, rpz))
			.orElseThrow(() -> new AccessDeniedException("no block-list agreement for " + country));
	}

	/** Records one sync request of an ISP (kind: full, delta, rpz, full-required). */
	@Transactional
	public void recordSync(CallerContext caller, String country, String kind, @Nullable Long since, long served) {
		syncs.addSync(caller.organisationId(), country, kind, since, served, clock.instant());
	}

	/** The ISP's confirmation of the version it applies. */
	@Transactional
	public void confirm(CallerContext caller, String country, long version) {
		requireSubscriber(caller, country);
		long current = lists.version(country);
		if (version < 0 || version > current) {
			throw new InvalidRequestException("version", "blocklist.error.version");
		}
		syncs.confirmApplied(caller.organisationId(), country, version, clock.instant());
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
		syncs.replaceSubscriptions(isp, codes, rpzAllowed, clock.instant());
		audit.record(new AuditEvent("blocklist.subscription.set", "organisation", isp.toString(),
				"countries=" + String.join(",", codes) + " rpz=" + rpzAllowed, false));
		return codes.stream().map(c -> new Subscription(isp, c, rpzAllowed)).toList();
	}

	/** Every subscribed ISP and country with its applied version; those behind first. */
	@Transactional(readOnly = true)
	public List<IspStatus> status(CallerContext caller) {
		caller.requireAny(MANAGERS);
		Map<OrganisationId, String> names = new HashMap<>(); // one lookup per organisation, not per row
		return syncs.status().stream().map(row -> {
			long behind = row.currentVersion() - (row.appliedVersion() == null ? 0 : row.appliedVersion());
			String name = names.computeIfAbsent(row.organisation(),
					o -> organisations.find(o).map(OrganisationView::name).orElse(o.toString()));
			return new IspStatus(row.organisation(), name, row.country(), row.currentVersion(), row.appliedVersion(),
					row.confirmedAt(), row.lastSyncAt(), behind, behind > 0);
		}).toList();
	}
}
