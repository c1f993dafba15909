package eu.eccp.reporting.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.shared.CopyIn;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Visibility;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ReportRepository {

	/** The columns a new report's row fills, in the order {@link #row} writes them. */
	private static final String REPORT_COLUMNS = """
			id, reference, status_token_hash, channel, submitted_by_org, submitted_by_user, org_reference,
			idempotency_key, kind, offence, residence_country, victim_countries, occurred_at, occurred_time_zone,
			loss_amount, loss_currency, payment_method, description, details, report_language, consent_contact,
			consent_share, owner_org, routed_by, tlp, status, duplicate_of, content_hash, submitted_at, updated_at""";

	private static final String EVENT_COLUMNS = "report_id, at, type, status, text, by_user, visible_to_reporter";

	private static final String INSERT_CONTACT = """
			INSERT INTO report_contact (report_id, name, email, phone, language)
			VALUES (:id, :name, :email, :phone, :language)""";

	private static final String INSERT_EVENT = """
			INSERT INTO report_event (report_id, at, type, status, text, by_user, visible_to_reporter)
			VALUES (:id, :at, :type, :status, :text, :byUser, :visible)""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;
	private final JsonMapper json;
	private final CopyIn copy;

	ReportRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, CopyIn copy) {
		this.jdbc = jdbc;
		this.named = named;
		this.json = json;
		this.copy = copy;
	}

	/** Everything needed to store one new report row. */
	record NewReport(ReportId id, String reference, @Nullable String statusTokenHash, String channel,
			@Nullable OrganisationId submittedByOrg, @Nullable UUID submittedByUser, @Nullable String idempotencyKey,
			ValidReport report, OrganisationId owner, String routedBy, ReportStatus status, @Nullable ReportId duplicateOf,
			String contentHash, Instant now) {
	}

	void insert(NewReport report) {
		insertAll(List.of(report));
	}

	/**
	 * Stores reports with their contact details and first history step: the reports and their steps each with
	 * one {@code COPY}, the (few) contact details in a JDBC batch.
	 */
	void insertAll(List<NewReport> reports) {
		if (reports.isEmpty()) {
			return;
		}
		List<MapSqlParameterSource> contacts = new ArrayList<>();
		for (NewReport n : reports) {
			ValidReport r = n.report();
			if (r.hasContact() || r.language() != null) {
				contacts.add(new MapSqlParameterSource().addValue("id", n.id().value())
					.addValue("name", r.contactName())
					.addValue("email", r.contactEmail())
					.addValue("phone", r.contactPhone())
					.addValue("language", r.language()));
			}
		}
		copy.copy("report", REPORT_COLUMNS, reports, this::row);
		if (!contacts.isEmpty()) {
			named.batchUpdate(INSERT_CONTACT, contacts.toArray(MapSqlParameterSource[]::new));
		}
		copy.copy("report_event", EVENT_COLUMNS, reports, (n, row) -> row.uuid(n.id().value())
			.instant(n.now())
			.text("SUBMITTED")
			.text(n.status().name())
			.text(null)
			.uuid(n.submittedByUser())
			.bool(true));
	}

	private void row(NewReport n, CopyIn.Row row) {
		ValidReport r = n.report();
		row.uuid(n.id().value())
			.text(n.reference())
			.text(n.statusTokenHash())
			.text(n.channel())
			.uuid(n.submittedByOrg() == null ? null : n.submittedByOrg().value())
			.uuid(n.submittedByUser())
			.text(r.organisationReference())
			.text(n.idempotencyKey())
			.text(r.offence().kind().name())
			.text(r.offence().name())
			.text(r.residenceCountry() == null ? null : r.residenceCountry().value())
			.textArray(r.victimCountries().stream().map(CountryCode::value).toList())
			.instant(r.occurredAt())
			.text(r.occurredTimeZone())
			.number(r.lossAmount())
			.text(r.lossCurrency())
			.text(r.paymentMethod())
			.text(r.description())
			.text(json.writeValueAsString(r.details()))
			.text(r.language())
			.bool(r.consentToContact())
			.bool(r.consentToShare())
			.uuid(n.owner().value())
			.text(n.routedBy())
			.text(r.tlp().name())
			.text(n.status().name())
			.uuid(n.duplicateOf() == null ? null : n.duplicateOf().value())
			.text(n.contentHash())
			.instant(n.now())
			.instant(n.now());
	}

	void addEvent(ReportId id, Instant at, String type, @Nullable String status, @Nullable String text,
			@Nullable UUID byUser, boolean visibleToReporter) {
		named.update(INSERT_EVENT, event(id, at, type, status, text, byUser, visibleToReporter));
	}

	private static MapSqlParameterSource event(ReportId id, Instant at, String type, @Nullable String status,
			@Nullable String text, @Nullable UUID byUser, boolean visible) {
		return new MapSqlParameterSource().addValue("id", id.value())
			.addValue("at", SqlTimes.at(at))
			.addValue("type", type)
			.addValue("status", status)
			.addValue("text", text)
			.addValue("byUser", byUser)
			.addValue("visible", visible);
	}

	Optional<StoredReport> findById(ReportId id) {
		return jdbc.sql("SELECT * FROM report WHERE id = :id").param("id", id.value()).query(this::map).optional();
	}

	Optional<StoredReport> findByReference(String reference) {
		return jdbc.sql("SELECT * FROM report WHERE reference = :r").param("r", reference).query(this::map).optional();
	}

	Optional<String> statusTokenHash(ReportId id) {
		return jdbc.sql("SELECT status_token_hash FROM report WHERE id = :id AND status_token_hash IS NOT NULL")
			.param("id", id.value())
			.query(String.class)
			.optional();
	}

	/**
	 * Serialises, until the end of the transaction, submissions of one organisation that carry the same
	 * idempotency key or organisation reference (key first, then reference, so two locks never deadlock).
	 */
	void lockIdempotency(OrganisationId org, @Nullable String key, @Nullable String orgReference) {
		for (String identifier : new String[] { key == null ? null : "key|" + key,
				orgReference == null ? null : "ref|" + orgReference }) {
			if (identifier != null) {
				jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
					.param("lock", "report-idempotency|" + org.value() + "|" + identifier)
					.query((rs, row) -> 1)
					.list();
			}
		}
	}

	Optional<StoredReport> findByIdempotency(OrganisationId org, @Nullable String key, @Nullable String orgReference) {
		return jdbc.sql("""
				SELECT * FROM report WHERE submitted_by_org = :org
				  AND ((CAST(:key AS text) IS NOT NULL AND idempotency_key = :key)
				    OR (CAST(:ref AS text) IS NOT NULL AND org_reference = :ref))
				ORDER BY submitted_at LIMIT 1""")
			.param("org", org.value())
			.param("key", key)
			.param("ref", orgReference)
			.query(this::map)
			.optional();
	}

	/** The earliest non-duplicate report with this content since {@code since}. */
	/** The platform references of the organisation's reports that carry these references of its own. */
	Map<String, String> referencesByOrganisationReference(OrganisationId org, Collection<String> organisationReferences) {
		Map<String, String> existing = new HashMap<>();
		if (organisationReferences.isEmpty()) {
			return existing;
		}
		jdbc.sql("SELECT org_reference, reference FROM report WHERE submitted_by_org = :org AND org_reference = ANY (:refs)")
			.param("org", org.value())
			.param("refs", organisationReferences.toArray(String[]::new))
			.query((rs, n) -> existing.put(rs.getString(1), rs.getString(2)))
			.list();
		return existing;
	}

	/** For each content hash, the earliest report since then that is not itself a duplicate, in one query. */
	Map<String, StoredReport> findOriginals(Collection<String> contentHashes, Instant since) {
		Map<String, StoredReport> result = new HashMap<>();
		if (contentHashes.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT DISTINCT ON (content_hash) * FROM report
				WHERE content_hash = ANY (:h) AND submitted_at >= :since AND duplicate_of IS NULL
				ORDER BY content_hash, submitted_at""")
			.param("h", contentHashes.toArray(String[]::new))
			.param("since", SqlTimes.at(since))
			.query((rs, n) -> result.put(rs.getString("content_hash"), map(rs, n)))
			.list();
		return result;
	}

	Optional<ReporterContact> contact(ReportId id) {
		return jdbc.sql("SELECT name, email, phone, language FROM report_contact WHERE report_id = :id")
			.param("id", id.value())
			.query((rs, n) -> new ReporterContact(rs.getString("name"), rs.getString("email"), rs.getString("phone"),
					rs.getString("language")))
			.optional();
	}

	List<ReportEvent> events(ReportId id) {
		return jdbc.sql("SELECT * FROM report_event WHERE report_id = :id ORDER BY at, id")
			.param("id", id.value())
			.query((rs, n) -> new ReportEvent(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("type"),
					rs.getString("status"), rs.getString("text"), rs.getObject("by_user", UUID.class),
					rs.getBoolean("visible_to_reporter")))
			.list();
	}

	void insertAttachment(ReportId report, AttachmentView a) {
		jdbc.sql("""
				INSERT INTO report_attachment (id, report_id, file_name, content_type, size_bytes, sha256, added_at, by_reporter)
				VALUES (:id, :report, :name, :type, :size, :sha, :at, :byReporter)""")
			.param("id", a.id())
			.param("report", report.value())
			.param("name", a.fileName())
			.param("type", a.contentType())
			.param("size", a.sizeBytes())
			.param("sha", a.sha256())
			.param("at", SqlTimes.at(a.addedAt()))
			.param("byReporter", a.byReporter())
			.update();
	}

	/** What extraction and correlation need of these reports, in one query (reports gone since are left out). */
	List<ReportForProcessing> findForProcessing(java.util.Collection<ReportId> ids) {
		return jdbc.sql("""
				SELECT r.*, EXISTS (SELECT 1 FROM report_attachment a WHERE a.report_id = r.id) AS has_files
				FROM report r WHERE r.id = ANY (:ids)""")
			.param("ids", ids.stream().map(ReportId::value).toArray(UUID[]::new))
			.query((rs, n) -> ReportForProcessing.of(map(rs, n), rs.getBoolean("has_files")))
			.list();
	}

	/** The files of these reports, by report, in one query. */
	java.util.Map<ReportId, List<AttachmentView>> attachmentsOf(java.util.Collection<ReportId> ids) {
		java.util.Map<ReportId, List<AttachmentView>> files = new java.util.HashMap<>();
		jdbc.sql("SELECT * FROM report_attachment WHERE report_id = ANY (:ids) ORDER BY added_at")
			.param("ids", ids.stream().map(ReportId::value).toArray(UUID[]::new))
			.query((rs, n) -> files.computeIfAbsent(new ReportId(rs.getObject("report_id", UUID.class)), k -> new ArrayList<>())
				.add(new AttachmentView(rs.getObject("id", UUID.class), rs.getString("file_name"),
						rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
						rs.getObject("added_at", OffsetDateTime.class).toInstant(), rs.getBoolean("by_reporter"))))
			.list();
		return files;
	}

	List<AttachmentView> attachments(ReportId id) {
		return jdbc.sql("SELECT * FROM report_attachment WHERE report_id = :id ORDER BY added_at")
			.param("id", id.value())
			.query((rs, n) -> new AttachmentView(rs.getObject("id", UUID.class), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
					rs.getObject("added_at", OffsetDateTime.class).toInstant(), rs.getBoolean("by_reporter")))
			.list();
	}

	void updateStatus(ReportId id, ReportStatus status, @Nullable String reason, Instant now) {
		jdbc.sql("""
				UPDATE report SET status = :status, status_reason = :reason, updated_at = :now,
				  closed_at = CASE WHEN :closed THEN :now ELSE NULL END
				WHERE id = :id""")
			.param("id", id.value())
			.param("status", status.name())
			.param("reason", reason)
			.param("now", SqlTimes.at(now))
			.param("closed", !status.isOpen())
			.update();
	}

	void updateAssignee(ReportId id, @Nullable UUID assignee, Instant now) {
		jdbc.sql("UPDATE report SET assignee = :a, updated_at = :now WHERE id = :id")
			.param("id", id.value())
			.param("a", assignee)
			.param("now", SqlTimes.at(now))
			.update();
	}

	void touch(ReportId id, Instant now) {
		jdbc.sql("UPDATE report SET updated_at = :now WHERE id = :id").param("id", id.value()).param("now", SqlTimes.at(now)).update();
	}

	/** Reports closed before {@code closedBefore} whose contact details have not been erased yet. */
	List<ReportId> contactsDueForErasure(Instant closedBefore) {
		return jdbc.sql("""
				SELECT r.id FROM report r JOIN report_contact c ON c.report_id = r.id
				WHERE r.closed_at IS NOT NULL AND r.closed_at < :before AND r.contact_erased_at IS NULL""")
			.param("before", SqlTimes.at(closedBefore))
			.query((rs, n) -> new ReportId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** Erases the report's contact details unless that was done already (by another node); returns whether it did. */
	boolean eraseContact(ReportId id, Instant now) {
		int marked = jdbc.sql("UPDATE report SET contact_erased_at = :now WHERE id = :id AND contact_erased_at IS NULL")
			.param("id", id.value()).param("now", SqlTimes.at(now)).update();
		if (marked == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM report_contact WHERE report_id = :id").param("id", id.value()).update();
		return true;
	}

	Page<StoredReport> search(Visibility.SqlCondition scope, InboxFilter filter, PageRequest page) {
		Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
		StringBuilder where = new StringBuilder(scope.sql());
		if (filter.kind() != null) {
			where.append(" AND kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.offence() != null) {
			where.append(" AND offence = :offence");
			params.put("offence", filter.offence().name());
		}
		if (filter.status() != null) {
			where.append(" AND status = :status");
			params.put("status", filter.status().name());
		}
		else if (!filter.includeDuplicates()) {
			where.append(" AND status <> 'DUPLICATE'");
		}
		if (filter.country() != null) {
			where.append(" AND (:country = ANY (victim_countries) OR residence_country = :country)");
			params.put("country", filter.country().value());
		}
		if (filter.from() != null) {
			where.append(" AND submitted_at >= :from");
			params.put("from", SqlTimes.at(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND submitted_at < :to");
			params.put("to", SqlTimes.at(filter.to()));
		}
		if (filter.minLoss() != null) {
			where.append(" AND loss_amount >= :minLoss");
			params.put("minLoss", filter.minLoss());
		}
		if (filter.assignee() != null) {
			where.append(" AND assignee = :assignee");
			params.put("assignee", filter.assignee());
		}
		if (filter.text() != null) {
			where.append(" AND search @@ websearch_to_tsquery('simple', :text)");
			params.put("text", filter.text());
		}
		return PagedQuery.page(jdbc, "*", "report", where.toString(), params, "submitted_at DESC, id", page, this::map);
	}

	private StoredReport map(ResultSet rs, int row) throws SQLException {
		Array victims = rs.getArray("victim_countries");
		List<CountryCode> victimCountries = victims == null ? List.of()
				: Arrays.stream((String[]) victims.getArray()).map(CountryCode::new).toList();
		String residence = rs.getString("residence_country");
		UUID submittedByOrg = rs.getObject("submitted_by_org", UUID.class);
		UUID duplicateOf = rs.getObject("duplicate_of", UUID.class);
		Map<String, List<String>> details = json.readValue(rs.getString("details"),
				new TypeReference<Map<String, List<String>>>() {
				});
		BigDecimal loss = rs.getBigDecimal("loss_amount");
		return new StoredReport(new ReportId(rs.getObject("id", UUID.class)), rs.getString("reference"),
				rs.getString("channel"), submittedByOrg == null ? null : new OrganisationId(submittedByOrg),
				rs.getObject("submitted_by_user", UUID.class), rs.getString("org_reference"),
				Offence.valueOf(rs.getString("offence")), residence == null ? null : new CountryCode(residence),
				victimCountries, SqlTimes.instant(rs, "occurred_at"), rs.getString("occurred_time_zone"), loss,
				rs.getString("loss_currency"), rs.getString("payment_method"), rs.getString("description"), details,
				rs.getString("report_language"), rs.getBoolean("consent_contact"), rs.getBoolean("consent_share"),
				new OrganisationId(rs.getObject("owner_org", UUID.class)), rs.getString("routed_by"),
				Tlp.valueOf(rs.getString("tlp")), ReportStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), rs.getObject("assignee", UUID.class),
				duplicateOf == null ? null : new ReportId(duplicateOf), SqlTimes.instant(rs, "submitted_at"),
				SqlTimes.instant(rs, "updated_at"), SqlTimes.instant(rs, "closed_at"), SqlTimes.instant(rs, "contact_erased_at"));
	}
}
