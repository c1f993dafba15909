package eu.eccp.contactpoints.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;

/**
 * The directory of contact points. Every signed-in person may search it; an organisation's admin keeps its
 * own entry current, the platform's admins every entry.
 */
@Service
public class ContactPointDirectory {

	private final ContactPointRepository entries;
	private final Organisations organisations;
	private final People people;
	private final IdentifierValidation identifiers;
	private final AuditTrail audit;
	private final Clock clock;

	ContactPointDirectory(ContactPointRepository entries, Organisations organisations, People people,
			IdentifierValidation identifiers, AuditTrail audit, Clock clock) {
		this.entries = entries;
		this.organisations = organisations;
		this.people = people;
		this.identifiers = identifiers;
		this.audit = audit;
		this.clock = clock;
	}

	/** Search filters as sent (any may be blank); unknown values are answered with field errors. */
	public record Filter(@Nullable String country, @Nullable String type, @Nullable String capability) {

		public static Filter none() {
			return new Filter(null, null, null);
		}
	}

	/** The whole directory matching the filter (the API and the request form's choice of recipients). */
	@Transactional(readOnly = true)
	public List<ContactPointView> search(CallerContext caller, Filter filter) {
		Matching matching = matching(filter);
		Instant now = clock.instant();
		return entries.search(matching.where(), matching.parameters(), Matching.ORDER).stream()
			.map(row -> view(caller, row, matching.organisations().get(row.organisationId()), now))
			.toList();
	}

	/**
	 * One page of the directory matching the filter, in the order of country, kind of organisation and name: the
	 * filter is applied once, in the query that counts and reads the page (the organisations' country and type
	 * come from the organisations module, read once per call, not once per entry).
	 */
	@Transactional(readOnly = true)
	public Page<ContactPointView> page(CallerContext caller, Filter filter, PageRequest page) {
		Matching matching = matching(filter);
		Instant now = clock.instant();
		return entries.page(matching.where(), matching.parameters(), Matching.ORDER, page)
			.map(row -> view(caller, row, matching.organisations().get(row.organisationId()), now));
	}

	/** The countries that have at least one entry in the directory (the filter's choices). */
	@Transactional(readOnly = true)
	public List<String> countries() {
		Map<UUID, OrganisationView> all = allOrganisations();
		return entries.organisations().stream()
			.map(all::get).filter(o -> o != null).map(o -> o.country().value()).distinct().sorted().toList();
	}

	/** The filter as a condition on contact_point: the organisations it allows, in display order, and the capability. */
	private record Matching(Map<UUID, OrganisationView> organisations, String where, Map<String, Object> parameters) {

		static final String ORDER = "array_position(CAST(:ordered AS uuid[]), organisation_id)";
	}

	private Matching matching(Filter filter) {
		Map<String, String> errors = new LinkedHashMap<>();
		String country = IdentifierValidation.blankToNull(filter.country());
		if (country != null && !CountryCode.isValid(country)) {
			errors.put("country", "validation.country");
		}
		OrganisationType type = parse(OrganisationType.class, filter.type(), "type", errors);
		Capability capability = parse(Capability.class, filter.capability(), "capability", errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		String wanted = country == null ? null : country.toUpperCase(Locale.ROOT);
		Map<UUID, OrganisationView> allowed = new LinkedHashMap<>();
		allOrganisations().values().stream()
			.filter(o -> wanted == null || o.country().value().equals(wanted))
			.filter(o -> type == null || o.type() == type)
			.sorted(Comparator.comparing((OrganisationView o) -> o.country().value()).thenComparing(o -> o.type().ordinal())
				.thenComparing(OrganisationView::name))
			.forEach(o -> allowed.put(o.id().value(), o));
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("ordered", allowed.keySet().toArray(UUID[]::new));
		String where = "organisation_id = ANY(CAST(:ordered AS uuid[]))";
		if (capability != null) {
			parameters.put("capability", "%," + capability.name() + ",%");
			where += " AND (',' || capabilities || ',') LIKE :capability";
		}
		return new Matching(allowed, where, parameters);
	}

	/** Every organisation, by id: one query per kind of organisation (a handful), whatever the directory's size. */
	private Map<UUID, OrganisationView> allOrganisations() {
		Map<UUID, OrganisationView> all = new LinkedHashMap<>();
		for (OrganisationType type : OrganisationType.values()) {
			organisations.findByType(type).forEach(o -> all.put(o.id().value(), o));
		}
		return all;
	}

	@Transactional(readOnly = true)
	public Optional<ContactPointView> find(CallerContext caller, UUID organisationId) {
		return load(organisationId).flatMap(row -> view(caller, row, clock.instant()));
	}

	/** The entry as its editor sees it before a change; an empty one if the organisation has none yet. */
	@Transactional(readOnly = true)
	public ContactPointView forEditing(CallerContext caller, UUID organisationId) {
		OrganisationView org = editable(caller, organisationId);
		return find(caller, organisationId).orElseGet(() -> new ContactPointView(org.id().value(), org.name(),
				org.shortName(), org.type(), org.country().value(), "", List.of(), List.of(), true, null, null, "UTC",
				true, null, null, true, new ContactPointView.Backup(null, null, null, null), clock.instant(), true));
	}

	/** The length limits of an entry's free-text fields (the edit form shows them and its errors name them). */
	public static final Map<String, Integer> LIMITS = Map.of("description", 2_000, "backupName", 200);

	/** Creates or replaces the organisation's entry. */
	@Transactional
	public ContactPointView update(CallerContext caller, UUID organisationId, ContactPointUpdate update) {
		OrganisationView org = editable(caller, organisationId);
		Map<String, String> errors = new LinkedHashMap<>();
		String description = text(update.description(), LIMITS.get("description"), "description", errors);
		List<Capability> capabilities = update.capabilities() == null ? List.of()
				: update.capabilities().stream().filter(c -> c != null && !c.isBlank())
					.map(c -> parse(Capability.class, c, "capabilities", errors)).filter(c -> c != null).distinct().toList();
		List<String> languages = update.languages() == null ? List.of()
				: update.languages().stream().filter(l -> l != null && !l.isBlank()).map(l -> l.strip().toLowerCase(Locale.ROOT))
					.distinct().toList();
		if (languages.size() > 30 || languages.stream().anyMatch(l -> !Arrays.asList(Locale.getISOLanguages()).contains(l))) {
			errors.put("languages", "validation.contactPoint.languages");
		}
		boolean alwaysOpen = update.alwaysOpen() == null || update.alwaysOpen();
		ZoneId zone = IdentifierValidation.zone(IdentifierValidation.blankToNull(update.timeZone()));
		if (zone == null) {
			errors.put("timeZone", "validation.identifier.timeZone");
		}
		LocalTime opens = time(update.officeOpens(), "officeOpens", !alwaysOpen, errors);
		LocalTime closes = time(update.officeCloses(), "officeCloses", !alwaysOpen, errors);
		if (!alwaysOpen && opens != null && closes != null && !opens.isBefore(closes)) {
			errors.put("officeCloses", "validation.contactPoint.hours");
		}
		String phone = checked(IdentifierType.PHONE, update.phone(), org.country().value(), "phone", errors);
		String email = checked(IdentifierType.EMAIL, update.email(), null, "email", errors);
		String backupName = text(update.backupName(), LIMITS.get("backupName"), "backupName", errors);
		String backupPhone = checked(IdentifierType.PHONE, update.backupPhone(), org.country().value(), "backupPhone", errors);
		String backupEmail = checked(IdentifierType.EMAIL, update.backupEmail(), null, "backupEmail", errors);
		UUID backupUser = null;
		String backupUserText = IdentifierValidation.blankToNull(update.backupUser());
		if (backupUserText != null) {
			backupUser = memberOf(org, backupUserText);
			if (backupUser == null) {
				errors.put("backupUser", "validation.contactPoint.backupUser");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		entries.save(new Row(organisationId, description == null ? "" : description, capabilities, languages, alwaysOpen,
				alwaysOpen ? null : opens, alwaysOpen ? null : closes, zone.getId(), phone, email,
				update.platformChannel() == null || update.platformChannel(),
				new ContactPointView.Backup(backupName, backupPhone, backupEmail, backupUser), clock.instant()), caller.userId());
		audit.record(AuditEvent.of("contactpoint.updated", "contact_point", organisationId));
		return find(caller, organisationId).orElseThrow();
	}

	/** Whether the caller may edit the organisation's entry: its own admins, or the platform's. */
	public static boolean mayEdit(CallerContext caller, UUID organisationId) {
		return caller.actsPlatformWideAs(Role.ADMIN)
				|| (caller.has(Role.ADMIN) && caller.organisationId().value().equals(organisationId));
	}

	/** The backup contact of the organisation's entry, if it has an entry. */
	Optional<ContactPointView.Backup> backupOf(OrganisationId organisation) {
		return load(organisation.value()).map(Row::backup);
	}

	boolean hasEntry(OrganisationId organisation) {
		return load(organisation.value()).isPresent();
	}

	private OrganisationView editable(CallerContext caller, UUID organisationId) {
		OrganisationView org = organisations.find(new OrganisationId(organisationId))
			.orElseThrow(() -> new RecordNotFoundException("organisation"));
		if (!mayEdit(caller, organisationId)) {
			throw new AccessDeniedException("only the organisation's admins edit its entry");
		}
		return org;
	}

	private @Nullable UUID memberOf(OrganisationView org, String userIdOrName) {
		return people.members(org.id()).stream()
			.filter(p -> p.id().value().toString().equals(userIdOrName) || p.username().equals(userIdOrName))
			.map(PersonView::id).map(UserId::value).findFirst().orElse(null);
	}

	private Optional<Row> load(UUID organisationId) {
		return entries.find(organisationId);
	}

	private Optional<ContactPointView> view(CallerContext caller, Row row, Instant now) {
		return organisations.find(new OrganisationId(row.organisationId())).map(org -> view(caller, row, org, now));
	}

	private static ContactPointView view(CallerContext caller, Row row, OrganisationView org, Instant now) {
		return new ContactPointView(row.organisationId(), org.name(), org.shortName(), org.type(), org.country().value(),
				row.description(), row.capabilities(), row.languages(), row.alwaysOpen(), row.opens(), row.closes(),
				row.zone(), openAt(row, now), row.phone(), row.email(), row.platformChannel(), row.backup(),
				row.updatedAt(), mayEdit(caller, row.organisationId()));
	}

	/** Staffed at that moment: always when 24/7, else on weekdays between opening and closing, local time. */
	static boolean openAt(Row row, Instant now) {
		if (row.alwaysOpen()) {
			return true;
		}
		if (row.opens() == null || row.closes() == null) {
			return false;
		}
		ZoneId zone = IdentifierValidation.zone(row.zone());
		ZonedDateTime local = now.atZone(zone == null ? ZoneId.of("UTC") : zone);
		if (local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return false;
		}
		LocalTime time = local.toLocalTime();
		return !time.isBefore(row.opens()) && time.isBefore(row.closes());
	}

	record Row(UUID organisationId, String description, List<Capability> capabilities, List<String> languages,
			boolean alwaysOpen, @Nullable LocalTime opens, @Nullable LocalTime closes, String zone, @Nullable String phone,
			@Nullable String email, boolean platformChannel, ContactPointView.Backup backup, Instant updatedAt) {
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String text, String field,
			Map<String, String> errors) {
		String value = IdentifierValidation.blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			errors.put(field, IdentifierValidation.errorCode("contactPoint", field));
			return null;
		}
	}

	private static @Nullable String text(@Nullable String text, int max, String field, Map<String, String> errors) {
		String value = IdentifierValidation.blankToNull(text);
		if (value != null && value.length() > max) {
			errors.put(field, "validation.tooLong");
		}
		return value;
	}

	private static @Nullable LocalTime time(@Nullable String text, String field, boolean required,
			Map<String, String> errors) {
		String value = IdentifierValidation.blankToNull(text);
		if (value == null) {
			if (required) {
				errors.put(field, "validation.contactPoint.hours");
			}
			return null;
		}
		try {
			return LocalTime.parse(value);
		}
		catch (DateTimeParseException e) {
			errors.put(field, "validation.contactPoint.hours");
			return null;
		}
	}

	private @Nullable String checked(IdentifierType type, @Nullable String text, @Nullable String region, String field,
			Map<String, String> errors) {
		String value = IdentifierValidation.blankToNull(text);
		if (value == null) {
			return null;
		}
		Optional<String> canonical = identifiers.canonical(type, value, region);
		if (canonical.isEmpty()) {
			errors.put(field, IdentifierValidation.errorCode("identifier", type.name()));
			return null;
		}
		return canonical.get();
	}
}
