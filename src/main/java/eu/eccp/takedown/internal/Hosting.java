package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
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
import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.ItemLocations;
import eu.eccp.takedown.LookedUpLocation;

/**
 * Where an item is hosted: recorded by an analyst of the handling organisation for now, or stored from a lookup
 * ({@link ItemLocations}, for the hosting module's resolver). Notices go to the host's organisation on the
 * platform if it has one, else to its abuse address.
 */
@Service
public class Hosting implements ItemLocations {

	static final Set<String> LANGUAGES = Set.of("en", "fr", "de");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]{2,63}");

	private final ItemAccess access;
	private final ItemRepository items;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final Clock clock;

	Hosting(ItemAccess access, ItemRepository items, Organisations organisations, AuditTrail audit, Clock clock) {
		this.access = access;
		this.items = items;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public HostingLocation record(CallerContext caller, ItemId id, HostingDraft draft) {
		items.lock(id);
		access.handledBy(caller, id);
		Map<String, String> errors = new LinkedHashMap<>();
		CountryCode country = null;
		if (draft.country() == null || !CountryCode.isValid(draft.country())) {
			errors.put("country", "validation.country");
		}
		else {
			country = CountryCode.of(draft.country());
		}
		String provider = blankToNull(draft.provider());
		if (provider != null && provider.length() > 200) {
			errors.put("provider", "validation.tooLong");
		}
		OrganisationId hostOrg = null;
		String hostText = blankToNull(draft.hostOrganisation());
		if (hostText != null) {
			Optional<OrganisationView> host = hostOrganisation(hostText);
			if (host.isEmpty()) {
				errors.put("hostOrganisation", "validation.takedown.hostOrganisation");
			}
			else {
				hostOrg = host.get().id();
				provider = provider == null ? host.get().name() : provider;
			}
		}
		String email = blankToNull(draft.abuseEmail());
		if (email != null && !EMAIL.matcher(email).matches()) {
			errors.put("abuseEmail", "validation.email");
		}
		String language = blankToNull(draft.language());
		if (language != null) {
			language = language.toLowerCase(Locale.ROOT);
			if (!LANGUAGES.contains(language)) {
				errors.put("language", "validation.takedown.language");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		HostingLocation location = new HostingLocation(country, provider, hostOrg, email, language, null, null, List.of(),
				Boolean.TRUE.equals(draft.behindCdn()), HostingLocation.Source.ANALYST);
		Instant now = clock.instant();
		items.recordHosting(id, location, now);
		items.addEvent(id, now, caller.organisationId(), caller.userId().value(), "LOCATED",
				country + (provider == null ? "" : " " + provider));
		audit.record(AuditEvent.of("takedown.item.located", "content-item", id).withDetail("country=" + country));
		return location;
	}

	@Override
	@Transactional
	public void recordLookup(ItemId id, LookedUpLocation found) {
		items.lock(id);
		Instant now = clock.instant();
		String provider = found.hostOrganisation() == null ? found.networkOwner()
				: organisations.find(found.hostOrganisation()).map(OrganisationView::name).orElse(found.networkOwner());
		HostingLocation location = new HostingLocation(found.country(), provider, found.hostOrganisation(),
				found.abuseEmail(), found.language(), found.asn(), found.networkOwner(), found.addresses(), found.behindCdn(),
				HostingLocation.Source.LOOKUP);
		items.recordHosting(id, location, now);
		items.addEvent(id, now, null, null, "LOCATED", found.country() + (found.asn() == null ? "" : " AS" + found.asn())
				+ (found.behindCdn() ? " CDN" : ""));
	}

	/** A private partner (ISP, hosting provider, platform...) on the platform, by id or short name. */
	Optional<OrganisationView> hostOrganisation(String text) {
		Optional<OrganisationView> org;
		try {
			org = organisations.find(OrganisationId.parse(text));
		}
		catch (IllegalArgumentException notAnId) {
			org = organisations.findByShortName(text.strip());
		}
		return org.filter(o -> o.type().isPrivatePartner());
	}

	/** The hosts an analyst may choose from: every private partner on the platform. */
	public List<OrganisationView> hostChoices() {
		return java.util.Arrays.stream(OrganisationType.values()).filter(OrganisationType::isPrivatePartner)
			.flatMap(t -> organisations.findByType(t).stream()).toList();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
