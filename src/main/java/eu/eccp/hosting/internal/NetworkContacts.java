package eu.eccp.hosting.internal;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;

/**
 * The operator's table of who answers for a network, by AS number: the organisation on the platform operating
 * it and/or an abuse desk's e-mail address (for hosts not on the platform). The platform operator's admins keep
 * it (API, or {@code java -jar eccp.jar ip-data contacts FILE}); analysts, hotline analysts and coordinators read
 * it. Every change is audited.
 */
@Service
public class NetworkContacts {

	static final long MAX_ASN = 0xffffffffL;

	/** The length limits of a network's texts (the form shows them and its errors name them). */
	public static final Map<String, Integer> LIMITS = Map.of("name", 200, "abuseEmail", 254, "note", 1000);

	private final NetworkContactRepository contacts;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final Clock clock;

	NetworkContacts(NetworkContactRepository contacts, Organisations organisations, AuditTrail audit, Clock clock) {
		this.contacts = contacts;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One row of the table.
	 *
	 * @param organisation the platform organisation operating the network, if any
	 * @param organisationShortName its short name
	 */
	public record NetworkContact(long asn, String name, @Nullable String abuseEmail, @Nullable UUID organisation,
			@Nullable String organisationShortName, @Nullable String note, Instant updatedAt) {
	}

	/**
	 * A row as given: {@code organisation} is the short name (or id) of a platform organisation.
	 */
	public record NetworkContactInput(@Nullable String name, @Nullable String abuseEmail, @Nullable String organisation,
			@Nullable String note) {
	}

	@Transactional(readOnly = true)
	public List<NetworkContact> list(CallerContext caller) {
		requireReader(caller);
		return contacts.all().stream().map(this::view).toList();
	}

	/** For the lookup: the row of the AS number, if any (no caller: the lookup's caller was checked by its module). */
	@Transactional(readOnly = true)
	Optional<NetworkContact> find(long asn) {
		return contacts.find(asn).map(this::view);
	}

	@Transactional
	public NetworkContact put(CallerContext caller, long asn, NetworkContactInput input) {
		requireOperatorAdmin(caller);
		Map<String, String> errors = new LinkedHashMap<>();
		NetworkContactRepository.ContactRow valid = validate(asn, input, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		store(valid, caller.userId().value());
		audit.record(AuditEvent.of("hosting.network-contact.updated", "network", "AS" + asn));
		return find(asn).orElseThrow();
	}

	@Transactional
	public void delete(CallerContext caller, long asn) {
		requireOperatorAdmin(caller);
		if (!contacts.delete(asn)) {
			throw new RecordNotFoundException("network contact");
		}
		audit.record(AuditEvent.of("hosting.network-contact.deleted", "network", "AS" + asn));
	}

	/**
	 * What an import of a CSV table did.
	 *
	 * @param problems each refused row as text (the API's and the command's answer)
	 * @param rowProblems the same for pages: the line (0 for the header) and each field's message key
	 */
	public record ImportSummary(int stored, List<String> problems, List<RowProblem> rowProblems) {
	}

	/** A refused row of an imported table: its line (0: the header) and, per field, the key of what is wrong. */
	public record RowProblem(long line, Map<String, String> errors) {
	}

	/** Imports a table uploaded by an operator admin. */
	@Transactional
	public ImportSummary importCsv(CallerContext caller, Reader csv) throws IOException {
		requireOperatorAdmin(caller);
		return importCsv(AuditActor.of(caller), caller.userId().value(), csv);
	}

	/**
	 * Imports a CSV table with the header {@code asn,name,abuse_email,organisation,note} ({@code organisation}
	 * and {@code note} may be left out; {@code asn} may be written {@code AS60781}). Rows replace the rows of
	 * the same AS number; rows of other AS numbers stay. A file with any bad row changes nothing: the problems
	 * are returned with their line numbers.
	 */
	@Transactional
	ImportSummary importCsv(AuditActor actor, @Nullable UUID by, Reader csv) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
			.setIgnoreEmptyLines(true).setCommentMarker('#').get();
		List<NetworkContactRepository.ContactRow> rows = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		try (var parser = format.parse(csv)) {
			if (!parser.getHeaderMap().containsKey("asn") || !parser.getHeaderMap().containsKey("name")) {
				return new ImportSummary(0, List.of("the header must name at least the columns asn and name "
						+ "(asn,name,abuse_email,organisation,note)"),
						List.of(new RowProblem(0, Map.of("header", "hosting.import.header"))));
			}
			for (CSVRecord record : parser) {
				Map<String, String> errors = new LinkedHashMap<>();
				long asn = parseAsn(value(record, "asn"), errors);
				NetworkContactRepository.ContactRow valid = validate(asn, new NetworkContactInput(value(record, "name"), value(record, "abuse_email"),
						value(record, "organisation"), value(record, "note")), errors);
				if (errors.isEmpty()) {
					rows.add(valid);
				}
				else {
					problems.add(new RowProblem(record.getRecordNumber() + 1, errors));
				}
			}
		}
		if (!problems.isEmpty()) {
			return new ImportSummary(0, problems.stream().map(p -> "line " + p.line() + ": " + p.errors()).toList(), problems);
		}
		for (NetworkContactRepository.ContactRow row : rows) {
			store(row, by);
		}
		audit.recordAll(actor, rows.stream()
			.map(row -> AuditEvent.of("hosting.network-contact.imported", "network", "AS" + row.asn())).toList());
		return new ImportSummary(rows.size(), List.of(), List.of());
	}

	private static @Nullable String value(CSVRecord record, String column) {
		return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
	}

	private static long parseAsn(@Nullable String text, Map<String, String> errors) {
		try {
			return Long.parseLong(text == null ? "" : text.strip().replaceFirst("^(?i)as", ""));
		}
		catch (NumberFormatException e) {
			errors.put("asn", "hosting.validation.asn");
			return -1;
		}
	}

	private NetworkContactRepository.ContactRow validate(long asn, NetworkContactInput input, Map<String, String> errors) {
		if (asn < 1 || asn > MAX_ASN) {
			errors.putIfAbsent("asn", "hosting.validation.asn");
		}
		String name = blankToNull(input.name());
		if (name == null) {
			errors.put("name", "validation.required");
		}
		else if (name.length() > LIMITS.get("name")) {
			errors.put("name", "validation.tooLong");
		}
		String email = blankToNull(input.abuseEmail());
		if (email != null && (email.length() > LIMITS.get("abuseEmail") || !email.matches("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+"))) {
			errors.put("abuseEmail", "validation.email");
		}
		UUID organisation = null;
		String reference = blankToNull(input.organisation());
		if (reference != null) {
			Optional<OrganisationView> found;
			try {
				found = organisations.find(new OrganisationId(UUID.fromString(reference)));
			}
			catch (IllegalArgumentException e) {
				found = organisations.findByShortName(reference);
			}
			if (found.isEmpty()) {
				errors.put("organisation", "hosting.validation.organisation");
			}
			else {
				organisation = found.get().id().value();
			}
		}
		if (email == null && reference == null) {
			errors.put("abuseEmail", "hosting.validation.contactRequired");
		}
		String note = blankToNull(input.note());
		if (note != null && note.length() > LIMITS.get("note")) {
			errors.put("note", "validation.tooLong");
		}
		return new NetworkContactRepository.ContactRow(asn, name == null ? "" : name, email, organisation, note);
	}

	private void store(NetworkContactRepository.ContactRow row, @Nullable UUID by) {
		contacts.save(row, by, Instant.now(clock));
	}

	private NetworkContact view(NetworkContactRepository.StoredContact stored) {
		NetworkContactRepository.ContactRow row = stored.row();
		String shortName = row.organisation() == null ? null
				: organisations.find(new OrganisationId(row.organisation())).map(OrganisationView::shortName).orElse(null);
		return new NetworkContact(row.asn(), row.name(), row.abuseEmail(), row.organisation(), shortName, row.note(),
				stored.updatedAt());
	}

	private static void requireReader(CallerContext caller) {
		if (!caller.actsPlatformWideAs(Role.ADMIN)) {
			caller.requireAny(Role.ANALYST, Role.HOTLINE_ANALYST, Role.COORDINATOR);
		}
	}

	private static void requireOperatorAdmin(CallerContext caller) {
		if (!caller.actsPlatformWideAs(Role.ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException("platform administrators only");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
