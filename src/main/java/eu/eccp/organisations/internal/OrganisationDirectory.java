package eu.eccp.organisations.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationRegistered;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The directory of organisations. Anyone may look organisations up through the published
 * {@link Organisations} API (other modules route to them); only the platform operator's admins register
 * or change them, and an organisation's own admin sees their organisation in the admin pages.
 */
@Service
public class OrganisationDirectory implements Organisations {

	private final OrganisationRepository repository;
	private final OrganisationLookups lookups;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OrganisationDirectory(OrganisationRepository repository, OrganisationLookups lookups, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.lookups = lookups;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What an admin fills in to register or change an organisation. */
	public record OrganisationForm(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String shortName,
			@Schema(implementation = OrganisationType.class, requiredMode = RequiredMode.REQUIRED) @Nullable String type,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "ISO 3166-1 alpha-2 country code",
					pattern = "^[A-Za-z]{2}$") @Nullable String country) {

		OrganisationView validate(OrganisationId id) {
			Map<String, String> errors = new HashMap<>();
			if (name == null || name.isBlank() || name.length() > 200) {
				errors.put("name", "validation.name");
			}
			if (shortName == null || !shortName.strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{1,49}")) {
				errors.put("shortName", "validation.shortName");
			}
			OrganisationType parsedType = null;
			try {
				parsedType = type == null ? null : OrganisationType.valueOf(type);
			}
			catch (IllegalArgumentException e) {
				// reported below
			}
			if (parsedType == null) {
				errors.put("type", "validation.organisationType");
			}
			if (!CountryCode.isValid(country)) {
				errors.put("country", "validation.country");
			}
			if (!errors.isEmpty()) {
				throw new InvalidRequestException(errors);
			}
			return new OrganisationView(id, name.strip(), shortName.strip().toLowerCase(), parsedType,
					CountryCode.of(country));
		}
	}

	/** From memory (see {@link OrganisationLookups}): called for every report routed and every notice. */
	@Override
	public Optional<OrganisationView> find(OrganisationId id) {
		return lookups.find(id);
	}

	/** From memory (see {@link OrganisationLookups}): called for every report routed. */
	@Override
	public List<OrganisationView> find(CountryCode country, OrganisationType type) {
		return lookups.find(country, type);
	}

	@Override
	@Transactional(readOnly = true)
	public long count() {
		return repository.count();
	}

	/**
	 * The directory as every member sees it: which organisations take part, of what type, where. (Their
	 * people, tokens and records are visible only under {@link eu.eccp.shared.Visibility}.)
	 */
	@Transactional(readOnly = true)
	public Page<OrganisationView> list(CallerContext caller, @Nullable CountryCode country,
			@Nullable OrganisationType type, PageRequest page) {
		return repository.findPage(new Visibility.SqlCondition("TRUE", Map.of()), country, type, page);
	}

	@Transactional(readOnly = true)
	public List<OrganisationView> listForAdministration(CallerContext caller) {
		caller.requireAny(Role.ADMIN);
		return repository.findAllVisible(caller.visibility());
	}

	@Transactional(readOnly = true)
	public OrganisationView get(CallerContext caller, OrganisationId id) {
		return repository.findById(id)
			.filter(org -> caller.visibility().canSee(org.id()))
			.orElseThrow(() -> new RecordNotFoundException("organisation"));
	}

	@Transactional
	public OrganisationView register(CallerContext caller, OrganisationForm form) {
		requirePlatformAdmin(caller);
		OrganisationView org = form.validate(OrganisationId.random());
		lookups.changed();
		if (!repository.insert(org, false, clock.instant())) {
			throw new InvalidRequestException("shortName", "validation.shortNameTaken");
		}
		audit.record(AuditEvent.of("organisation.registered", "organisation", org.id()).withDetail(org.shortName()));
		events.publishEvent(new OrganisationRegistered(org.id()));
		return org;
	}

	@Transactional
	public OrganisationView update(CallerContext caller, OrganisationId id, OrganisationForm form) {
		requirePlatformAdmin(caller);
		OrganisationView existing = get(caller, id);
		OrganisationView changed = form.validate(existing.id());
		repository.findByShortName(changed.shortName())
			.filter(other -> !other.id().equals(id))
			.ifPresent(other -> {
				throw new InvalidRequestException("shortName", "validation.shortNameTaken");
			});
		lookups.changed();
		repository.update(changed);
		audit.record(AuditEvent.of("organisation.updated", "organisation", id));
		return changed;
	}

	private static void requirePlatformAdmin(CallerContext caller) {
		if (!caller.actsPlatformWideAs(Role.ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"only the platform operator's admins register organisations");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrganisationView> findByShortName(String shortName) {
		return repository.findByShortName(shortName);
	}

	@Override
	@Transactional(readOnly = true)
	public List<OrganisationView> findByType(OrganisationType type) {
		return repository.findByType(type);
	}

	/** Used by the demo data and the first-administrator bootstrap. */
	@Transactional
	OrganisationView ensure(OrganisationView org, boolean demo) {
		lookups.changed();
		if (repository.insert(org, demo, clock.instant())) {
			return org;
		}
		return repository.findByShortName(org.shortName()).orElseThrow(() -> new ConflictException("organisation vanished"));
	}
}
