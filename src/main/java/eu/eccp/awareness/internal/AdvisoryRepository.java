package eu.eccp.awareness.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.awareness.AdvisoryId;
import eu.eccp.awareness.internal.PublicAdvisory.CapMessage;
import eu.eccp.awareness.internal.PublicAdvisory.MessageType;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.UserId;

/** Advisories, their texts per language and edition, and their CAP messages. */
@Repository
class AdvisoryRepository {

	static final String WORKING = "WORKING";

	static final String PUBLIC = "PUBLIC";

	private final JdbcClient jdbc;

	AdvisoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new reference such as {@code ADV-2026-0042}. */
	String nextReference(Instant now) {
		long n = jdbc.sql("SELECT nextval('advisory_reference_seq')").query(Long.class).single();
		return "ADV-%d-%04d".formatted(Year.from(now.atZone(ZoneOffset.UTC)).getValue(), n);
	}

	void insert(Advisory a) {
		jdbc.sql("""
				INSERT INTO advisory (id, reference, offence, countries, status, expires_at, author_user, author_org,
				  last_editor, suggestion_id, created_at, changed_at)
				VALUES (:id, :ref, :offence, :countries, :status, :expires, :author, :org, :editor, :suggestion, :at, :at)""")
			.param("id", a.id().value())
			.param("ref", a.reference())
			.param("offence", a.offence().name())
			.param("countries", codes(a.countries()))
			.param("status", a.status().name())
			.param("expires", at(a.expiresAt()))
			.param("author", a.author().value())
			.param("org", a.authorOrganisation().value())
			.param("editor", a.lastEditor().value())
			.param("suggestion", a.suggestion())
			.param("at", at(a.createdAt()))
			.update();
		saveTexts(a.id(), WORKING, a.texts().values());
	}

	/** Stores the advisory's working state (not its public edition). */
	void update(Advisory a) {
		jdbc.sql("""
				UPDATE advisory SET offence = :offence, countries = :countries, status = :status, expires_at = :expires,
				  last_editor = :editor, submitted_by = :submitted, approved_by = :approved, changed_at = :at
				WHERE id = :id""")
			.param("id", a.id().value())
			.param("offence", a.offence().name())
			.param("countries", codes(a.countries()))
			.param("status", a.status().name())
			.param("expires", at(a.expiresAt()))
			.param("editor", a.lastEditor().value())
			.param("submitted", a.submittedBy() == null ? null : a.submittedBy().value())
			.param("approved", a.approvedBy() == null ? null : a.approvedBy().value())
			.param("at", at(a.changedAt()))
			.update();
	}

	void saveWorkingTexts(Advisory a) {
		jdbc.sql("DELETE FROM advisory_text WHERE advisory_id = :id AND edition = 'WORKING'").param("id", a.id().value())
			.update();
		saveTexts(a.id(), WORKING, a.texts().values());
	}

	private void saveTexts(AdvisoryId id, String edition, Collection<AdvisoryText> texts) {
		for (AdvisoryText t : texts) {
			jdbc.sql("""
					INSERT INTO advisory_text (advisory_id, edition, language, title, summary, happening, recognise, advice, report_how)
					VALUES (:id, :edition, :language, :title, :summary, :happening, :recognise, :advice, :reportHow)""")
				.param("id", id.value())
				.param("edition", edition)
				.param("language", t.language().code())
				.param("title", t.title())
				.param("summary", t.summary())
				.param("happening", t.happening())
				.param("recognise", t.recognise())
				.param("advice", t.advice())
				.param("reportHow", t.reportHow())
				.update();
		}
	}

	/** The approved advisory's working version becomes its public edition, with a CAP Alert or Update. */
	void publish(Advisory a) {
		update(a);
		jdbc.sql("""
				UPDATE advisory SET revision = :revision, public_offence = offence, public_countries = countries,
				  public_expires_at = expires_at, published_at = :published, public_updated_at = :updated
				WHERE id = :id""")
			.param("id", a.id().value())
			.param("revision", a.revision())
			.param("published", at(a.publishedAt()))
			.param("updated", at(a.publicUpdatedAt()))
			.update();
		jdbc.sql("DELETE FROM advisory_text WHERE advisory_id = :id AND edition = 'PUBLIC'").param("id", a.id().value())
			.update();
		jdbc.sql("""
				INSERT INTO advisory_text (advisory_id, edition, language, title, summary, happening, recognise, advice, report_how)
				SELECT advisory_id, 'PUBLIC', language, title, summary, happening, recognise, advice, report_how
				FROM advisory_text WHERE advisory_id = :id AND edition = 'WORKING'""")
			.param("id", a.id().value())
			.update();
		message(a.id(), a.revision(), a.revision() == 1 ? MessageType.ALERT : MessageType.UPDATE, a.publicUpdatedAt());
	}

	/** The public edition is withdrawn: the pages keep it in the archive as withdrawn, and CAP sends a Cancel. */
	void withdraw(Advisory a) {
		update(a);
		jdbc.sql("UPDATE advisory SET revision = :revision, withdrawn_at = :at WHERE id = :id")
			.param("id", a.id().value())
			.param("revision", a.revision())
			.param("at", at(a.withdrawnAt()))
			.update();
		message(a.id(), a.revision(), MessageType.CANCEL, a.withdrawnAt());
	}

	private void message(AdvisoryId id, int revision, MessageType type, @Nullable Instant sentAt) {
		jdbc.sql("INSERT INTO advisory_message (advisory_id, revision, msg_type, sent_at) VALUES (:id, :revision, :type, :at)")
			.param("id", id.value())
			.param("revision", revision)
			.param("type", type.name())
			.param("at", at(sentAt))
			.update();
	}

	Optional<Advisory> find(AdvisoryId id) {
		return jdbc.sql("SELECT * FROM advisory WHERE id = :id").param("id", id.value())
			.query((rs, n) -> advisory(rs, texts(List.of(rs.getObject("id", UUID.class)), WORKING)
				.getOrDefault(rs.getObject("id", UUID.class), Map.of())))
			.optional();
	}

	/** Locks the advisory's row for a change that must not race another (two approvals at once). */
	Optional<Advisory> lock(AdvisoryId id) {
		jdbc.sql("SELECT id FROM advisory WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class).optional();
		return find(id);
	}

	/** Advisories for their authors, the latest change first; {@code status} null: all. */
	Page<Advisory> list(@Nullable AdvisoryStatus status, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		String where = "TRUE";
		if (status != null) {
			where = "status = :status";
			params.put("status", status.name());
		}
		Page<Advisory> bare = PagedQuery.page(jdbc, "*", "advisory", where, params, "changed_at DESC, id", page,
				(rs, n) -> advisory(rs, Map.of()));
		Map<UUID, Map<AdvisoryLanguage, AdvisoryText>> texts = texts(bare.items().stream().map(a -> a.id().value()).toList(),
				WORKING);
		return bare.map(a -> withTexts(a, texts.getOrDefault(a.id().value(), Map.of())));
	}

	Optional<PublicAdvisory> findPublic(AdvisoryId id) {
		return publicPage("id = :id AND revision > 0", Map.of("id", id.value()), new PageRequest(0, 1)).items().stream()
			.findFirst();
	}

	/**
	 * Public editions: {@code current} ones (neither withdrawn nor expired) or the archive (the rest), for a
	 * language, a country and an offence when given, the latest first.
	 */
	Page<PublicAdvisory> publicList(boolean current, @Nullable AdvisoryLanguage language, @Nullable CountryCode country,
			@Nullable Offence offence, Instant now, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder("revision > 0");
		params.put("now", at(now));
		where.append(current ? " AND withdrawn_at IS NULL AND (public_expires_at IS NULL OR public_expires_at > :now)"
				: " AND (withdrawn_at IS NOT NULL OR public_expires_at <= :now)");
		if (language != null) {
			where.append(" AND EXISTS (SELECT 1 FROM advisory_text t WHERE t.advisory_id = advisory.id AND t.edition = 'PUBLIC' AND t.language = :language)");
			params.put("language", language.code());
		}
		if (country != null) {
			where.append(" AND :country = ANY(public_countries)");
			params.put("country", country.value());
		}
		if (offence != null) {
			where.append(" AND public_offence = :offence");
			params.put("offence", offence.name());
		}
		return publicPage(where.toString(), params, page);
	}

	private Page<PublicAdvisory> publicPage(String where, Map<String, Object> params, PageRequest page) {
		record Head(UUID id, String reference, int revision, Offence offence, List<CountryCode> countries,
				@Nullable Instant expires, Instant published, Instant updated, @Nullable Instant withdrawn) {
		}
		Page<Head> heads = PagedQuery.page(jdbc, "*", "advisory", where, params,
				"COALESCE(withdrawn_at, public_updated_at) DESC, id", page,
				(rs, n) -> new Head(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getInt("revision"),
						Offence.valueOf(rs.getString("public_offence")), countries(rs.getArray("public_countries")),
						instant(rs, "public_expires_at"), instant(rs, "published_at"), instant(rs, "public_updated_at"),
						instant(rs, "withdrawn_at")));
		List<UUID> ids = heads.items().stream().map(Head::id).toList();
		Map<UUID, Map<AdvisoryLanguage, AdvisoryText>> texts = texts(ids, PUBLIC);
		Map<UUID, List<CapMessage>> messages = messages(ids);
		return heads.map(h -> new PublicAdvisory(new AdvisoryId(h.id()), h.reference(), h.revision(), h.offence(),
				h.countries(), h.expires(), h.published(), h.updated(), h.withdrawn(), texts.getOrDefault(h.id(), Map.of()),
				messages.getOrDefault(h.id(), List.of())));
	}

	private Map<UUID, Map<AdvisoryLanguage, AdvisoryText>> texts(List<UUID> ids, String edition) {
		Map<UUID, Map<AdvisoryLanguage, AdvisoryText>> texts = new HashMap<>();
		if (ids.isEmpty()) {
			return texts;
		}
		jdbc.sql("SELECT * FROM advisory_text WHERE advisory_id = ANY(:ids) AND edition = :edition")
			.param("ids", ids.toArray(UUID[]::new))
			.param("edition", edition)
			.query(rs -> {
				AdvisoryLanguage language = AdvisoryLanguage.parse(rs.getString("language"));
				if (language != null) {
					texts.computeIfAbsent(rs.getObject("advisory_id", UUID.class), k -> new EnumMap<>(AdvisoryLanguage.class))
						.put(language, new AdvisoryText(language, rs.getString("title"), rs.getString("summary"),
								rs.getString("happening"), rs.getString("recognise"), rs.getString("advice"),
								rs.getString("report_how")));
				}
			});
		return texts;
	}

	private Map<UUID, List<CapMessage>> messages(List<UUID> ids) {
		Map<UUID, List<CapMessage>> messages = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return messages;
		}
		jdbc.sql("SELECT * FROM advisory_message WHERE advisory_id = ANY(:ids) ORDER BY revision")
			.param("ids", ids.toArray(UUID[]::new))
			.query(rs -> {
				messages.computeIfAbsent(rs.getObject("advisory_id", UUID.class), k -> new ArrayList<>())
					.add(new CapMessage(rs.getInt("revision"), MessageType.valueOf(rs.getString("msg_type")),
							instant(rs, "sent_at")));
			});
		return messages;
	}

	private static Advisory withTexts(Advisory a, Map<AdvisoryLanguage, AdvisoryText> texts) {
		return new Advisory(a.id(), a.reference(), a.offence(), a.countries(), a.status(), a.expiresAt(), a.author(),
				a.authorOrganisation(), a.lastEditor(), a.submittedBy(), a.approvedBy(), a.suggestion(), a.revision(),
				a.publishedAt(), a.publicUpdatedAt(), a.withdrawnAt(), a.createdAt(), a.changedAt(), texts);
	}

	private static Advisory advisory(ResultSet rs, Map<AdvisoryLanguage, AdvisoryText> texts) throws SQLException {
		return new Advisory(new AdvisoryId(rs.getObject("id", UUID.class)), rs.getString("reference"),
				Offence.valueOf(rs.getString("offence")), countries(rs.getArray("countries")),
				AdvisoryStatus.valueOf(rs.getString("status")), instant(rs, "expires_at"),
				new UserId(rs.getObject("author_user", UUID.class)), new OrganisationId(rs.getObject("author_org", UUID.class)),
				new UserId(rs.getObject("last_editor", UUID.class)), user(rs, "submitted_by"), user(rs, "approved_by"),
				rs.getObject("suggestion_id", UUID.class), rs.getInt("revision"), instant(rs, "published_at"),
				instant(rs, "public_updated_at"), instant(rs, "withdrawn_at"), instant(rs, "created_at"),
				instant(rs, "changed_at"), texts);
	}

	private static @Nullable UserId user(ResultSet rs, String column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return id == null ? null : new UserId(id);
	}

	static List<CountryCode> countries(@Nullable Array array) throws SQLException {
		List<CountryCode> countries = new ArrayList<>();
		if (array != null) {
			for (Object code : (Object[]) array.getArray()) {
				countries.add(CountryCode.of(code.toString()));
			}
		}
		return countries;
	}

	static String[] codes(List<CountryCode> countries) {
		return countries.stream().map(CountryCode::value).toArray(String[]::new);
	}
}
