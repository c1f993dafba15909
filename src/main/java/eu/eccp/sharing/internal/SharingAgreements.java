package eu.eccp.sharing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.Tlp;

/**
 * Managing agreements. Coordinators and the platform's admins may make an agreement between any organisations; an
 * organisation's admin only one under which their own organisation shares. Parties (on either side) see the
 * agreements they are party to; coordinators and the platform's admins and auditors see all. Creating and ending
 * are audited.
 */
@Service
public class SharingAgreements {

	private final AgreementRepository agreements;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final Clock clock;

	SharingAgreements(AgreementRepository agreements, Organisations organisations, AuditTrail audit, Clock clock) {
		this.agreements = agreements;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the caller may make agreements at all (for pages: whether to show the form). */
	public boolean mayManage(CallerContext caller) {
		return caller.has(Role.COORDINATOR) || caller.has(Role.ADMIN);
	}

	private static boolean managesAll(CallerContext caller) {
		return caller.has(Role.COORDINATOR) || caller.actsPlatformWideAs(Role.ADMIN);
	}

	private static boolean seesAll(CallerContext caller) {
		return managesAll(caller) || caller.actsPlatformWideAs(Role.AUDITOR);
	}

	@Transactional
	public AgreementView create(CallerContext caller, AgreementDraft draft) {
		if (!mayManage(caller)) {
			throw new AccessDeniedException("only coordinators and admins make sharing agreements");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String name = trimmed(draft.name());
		if (name == null || name.length() > 200) {
			errors.put("name", "sharing.error.name");
		}
		String description = Optional.ofNullable(trimmed(draft.description())).orElse("");
		if (description.length() > 2000) {
			errors.put("description", "sharing.error.description");
		}
		Set<OrganisationId> sharing = organisations(draft.sharingOrganisations(), "sharingOrganisations", errors);
		Set<OrganisationId> receiving = organisations(draft.receivingOrganisations(), "receivingOrganisations", errors);
		if (!errors.containsKey("sharingOrganisations") && !managesAll(caller)
				&& !sharing.equals(Set.of(caller.organisationId()))) {
			errors.put("sharingOrganisations", "sharing.error.ownOrganisationOnly");
		}
		if (!errors.containsKey("receivingOrganisations") && receiving.stream().anyMatch(sharing::contains)) {
			errors.put("receivingOrganisations", "sharing.error.receiverShares");
		}
		Set<String> types = types(draft.indicatorTypes(), "indicatorTypes", errors, true);
		Set<String> personal = types(draft.personalTypes(), "personalTypes", errors, false);
		Set<String> clear = types(draft.clearValueTypes(), "clearValueTypes", errors, false);
		String purpose = trimmed(draft.clearValuePurpose());
		if (!clear.isEmpty() && (purpose == null || purpose.length() > 500)) {
			errors.put("clearValuePurpose", "sharing.error.clearValuePurpose");
		}
		if (clear.stream().anyMatch(t -> !Agreement.ALWAYS_PERSONAL.contains(t) && !personal.contains(t))) {
			errors.put("clearValueTypes", "sharing.error.clearValueTypes");
		}
		Tlp tlp = tlp(draft.tlp(), errors);
		Pap pap = parse(Pap.class, draft.pap(), Pap.GREEN, "pap", errors);
		Iep.EncryptInTransit encrypt = parse(Iep.EncryptInTransit.class, draft.encryptInTransit(), Iep.EncryptInTransit.MUST,
				"encryptInTransit", errors);
		Iep.PermittedActions actions = parse(Iep.PermittedActions.class, draft.permittedActions(),
				Iep.PermittedActions.INTERNALLY_VISIBLE_ACTIONS, "permittedActions", errors);
		Iep.Permission notifications = parse(Iep.Permission.class, draft.affectedPartyNotifications(), Iep.Permission.MAY,
				"affectedPartyNotifications", errors);
		Iep.Attribution attribution = parse(Iep.Attribution.class, draft.attribution(), Iep.Attribution.MUST_NOT,
				"attribution", errors);
		Iep.Permission resale = parse(Iep.Permission.class, draft.unmodifiedResale(), Iep.Permission.MUST_NOT,
				"unmodifiedResale", errors);
		Iep.Permission resharing = parse(Iep.Permission.class, draft.resharing(), Iep.Permission.MUST_NOT, "resharing",
				errors);
		Integer retention = draft.retentionDays();
		if (retention != null && (retention < 1 || retention > 3650)) {
			errors.put("retentionDays", "sharing.error.retentionDays");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate from = date(draft.validFrom(), "validFrom", errors);
		LocalDate until = date(draft.validUntil(), "validUntil", errors);
		if (from == null && !errors.containsKey("validFrom")) {
			from = today;
		}
		if (from != null && until != null && until.isBefore(from)) {
			errors.put("validUntil", "sharing.error.validUntil");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		Agreement agreement = new Agreement(UUID.randomUUID(), java.util.Objects.requireNonNull(name), description, sharing,
				receiving, types, personal, clear, clear.isEmpty() ? null : purpose,
				Boolean.TRUE.equals(draft.pseudonymousSources()), java.util.Objects.requireNonNull(tlp), pap,
				new Iep(encrypt, actions, notifications, attribution, resale, resharing, retention),
				java.util.Objects.requireNonNull(from), until, Boolean.TRUE.equals(draft.writable()),
				Boolean.TRUE.equals(draft.publicClear()), caller.userId().value(),
				clock.instant(), clock.instant(), null);
		agreements.insert(agreement);
		audit.record(AuditEvent.of("sharing.agreement.created", "sharing-agreement", agreement.id())
			.withDetail("tlp=" + tlp + " pap=" + pap + " sharing=" + sharing.size() + " receiving=" + receiving.size()));
		return view(agreement);
	}

	@Transactional(readOnly = true)
	public List<AgreementView> visible(CallerContext caller) {
		List<Agreement> list = seesAll(caller) ? agreements.all() : agreements.ofParty(caller.organisationId());
		return list.stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public AgreementView find(CallerContext caller, UUID id) {
		return view(visibleAgreement(caller, id));
	}

	/** An agreement the caller may see (404 for any other, so its existence is not revealed). */
	Agreement visibleAgreement(CallerContext caller, UUID id) {
		Agreement agreement = agreements.find(id).orElseThrow(() -> new RecordNotFoundException("sharing agreement"));
		if (!seesAll(caller) && !agreement.isParty(caller.organisationId())) {
			throw new RecordNotFoundException("sharing agreement");
		}
		return agreement;
	}

	/** Ends an agreement at once: its collection stops answering and nothing more leaves under it. */
	@Transactional
	public AgreementView end(CallerContext caller, UUID id) {
		Agreement agreement = visibleAgreement(caller, id);
		boolean allowed = managesAll(caller)
				|| (caller.has(Role.ADMIN) && agreement.sharing().contains(caller.organisationId()));
		if (!allowed) {
			throw new AccessDeniedException("only coordinators and the sharing organisations' admins end agreements");
		}
		agreements.end(id, clock.instant());
		audit.record(AuditEvent.of("sharing.agreement.ended", "sharing-agreement", id));
		return view(agreements.find(id).orElseThrow());
	}

	AgreementView view(Agreement a) {
		return new AgreementView(a.id(), a.name(), a.description(), parties(a.sharing()), parties(a.receiving()),
				a.indicatorTypes().stream().sorted().toList(), a.personalTypes().stream().sorted().toList(),
				a.clearValueTypes().stream().sorted().toList(), a.clearValuePurpose(), a.pseudonymousSources(),
				a.tlpCeiling().name(), a.pap().name(), a.iep(), a.validFrom(), a.validUntil(), a.writable(), a.publicClear(),
				a.activeOn(LocalDate.now(clock)), a.createdAt(), a.endedAt(),
				"/taxii2/api/collections/" + a.id() + "/", "/feeds/misp/" + a.id() + "/");
	}

	private List<AgreementView.Party> parties(Set<OrganisationId> ids) {
		List<AgreementView.Party> parties = new ArrayList<>();
		for (OrganisationId id : ids) {
			organisations.find(id).ifPresent(o -> parties.add(new AgreementView.Party(o.id().value(), o.shortName(), o.name())));
		}
		parties.sort(java.util.Comparator.comparing(AgreementView.Party::shortName));
		return parties;
	}

	private Set<OrganisationId> organisations(@Nullable List<String> names, String field, Map<String, String> errors) {
		Set<OrganisationId> ids = new LinkedHashSet<>();
		if (names == null || names.stream().allMatch(n -> n == null || n.isBlank())) {
			errors.put(field, "sharing.error.organisationsRequired");
			return ids;
		}
		for (String name : names) {
			if (name == null || name.isBlank()) {
				continue;
			}
			Optional<OrganisationView> found = resolve(name.strip());
			if (found.isEmpty()) {
				errors.put(field, "sharing.error.unknownOrganisation");
				return ids;
			}
			ids.add(found.get().id());
		}
		return ids;
	}

	private Optional<OrganisationView> resolve(String name) {
		try {
			return organisations.find(new OrganisationId(UUID.fromString(name)));
		}
		catch (IllegalArgumentException notAnId) {
			return organisations.findByShortName(name);
		}
	}

	private static Set<String> types(@Nullable List<String> given, String field, Map<String, String> errors,
			boolean required) {
		Set<String> types = new java.util.TreeSet<>();
		if (given != null) {
			for (String t : given) {
				if (t == null || t.isBlank()) {
					continue;
				}
				String type = t.strip().toUpperCase(Locale.ROOT);
				if (!Agreement.SHAREABLE_TYPES.contains(type)) {
					errors.put(field, "sharing.error.indicatorType");
					return types;
				}
				types.add(type);
			}
		}
		if (required && types.isEmpty()) {
			errors.put(field, "sharing.error.indicatorTypesRequired");
		}
		return types;
	}

	private static @Nullable Tlp tlp(@Nullable String given, Map<String, String> errors) {
		if (given == null || given.isBlank()) {
			errors.put("tlp", "sharing.error.tlp");
			return null;
		}
		try {
			Tlp tlp = Tlp.parse(given);
			if (!Agreement.CEILINGS.contains(tlp)) {
				errors.put("tlp", "sharing.error.tlpNeverLeaves");
				return null;
			}
			return tlp;
		}
		catch (IllegalArgumentException e) {
			errors.put("tlp", "sharing.error.tlp");
			return null;
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String given, E fallback, String field,
			Map<String, String> errors) {
		if (given == null || given.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, given.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException e) {
			errors.put(field, "sharing.error.choice");
			return fallback;
		}
	}

	private static @Nullable LocalDate date(@Nullable String given, String field, Map<String, String> errors) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(given.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "sharing.error.date");
			return null;
		}
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
