package eu.eccp.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/** Agreements and their parties in {@code sharing_agreement} and {@code sharing_agreement_party}. */
@Repository
class AgreementRepository {

	private static final String COLUMNS = """
			a.id, a.name, a.description, a.tlp_ceiling, a.pap, a.indicator_types, a.personal_types, a.clear_value_types,
			a.clear_value_purpose, a.pseudonymous_sources, a.encrypt_in_transit, a.permitted_actions,
			a.affected_party_notifications, a.attribution, a.unmodified_resale, a.resharing, a.retention_days, a.valid_from,
			a.valid_until, a.writable, a.public_clear, a.created_by, a.created_at, a.updated_at, a.ended_at""";

	private final JdbcClient jdbc;

	AgreementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Agreement a) {
		jdbc.sql("""
				INSERT INTO sharing_agreement (id, name, description, tlp_ceiling, pap, indicator_types, personal_types,
				  clear_value_types, clear_value_purpose, pseudonymous_sources, encrypt_in_transit, permitted_actions,
				  affected_party_notifications, attribution, unmodified_resale, resharing, retention_days, valid_from, valid_until,
				  writable, public_clear, created_by, created_at, updated_at)
				VALUES (:id, :name, :description, :tlp, :pap, CAST(:types AS text[]), CAST(:personal AS text[]),
				  CAST(:clear AS text[]), :purpose, :pseudonymous, :encrypt, :actions, :notifications, :attribution, :resale,
				  :resharing, :retention, :from, :until, :writable, :publicClear, :createdBy, :createdAt, :createdAt)""")
			.param("id", a.id())
			.param("name", a.name())
			.param("description", a.description())
			.param("tlp", a.tlpCeiling().name())
			.param("pap", a.pap().name())
			.param("types", a.indicatorTypes().stream().sorted().toArray(String[]::new))
			.param("personal", a.personalTypes().stream().sorted().toArray(String[]::new))
			.param("clear", a.clearValueTypes().stream().sorted().toArray(String[]::new))
			.param("purpose", a.clearValuePurpose())
			.param("pseudonymous", a.pseudonymousSources())
			.param("encrypt", a.iep().encryptInTransit().name())
			.param("actions", a.iep().permittedActions().name())
			.param("notifications", a.iep().affectedPartyNotifications().name())
			.param("attribution", a.iep().attribution().name())
			.param("resale", a.iep().unmodifiedResale().name())
			.param("resharing", a.iep().resharing().name())
			.param("retention", a.iep().retentionDays())
			.param("from", a.validFrom())
			.param("until", a.validUntil())
			.param("writable", a.writable())
			.param("publicClear", a.publicClear())
			.param("createdBy", a.createdBy())
			.param("createdAt", Timestamp.from(a.createdAt()))
			.update();
		List<UUID> orgs = new java.util.ArrayList<>();
		List<String> sides = new java.util.ArrayList<>();
		a.sharing().forEach(o -> {
			orgs.add(o.value());
			sides.add("SHARING");
		});
		a.receiving().forEach(o -> {
			orgs.add(o.value());
			sides.add("RECEIVING");
		});
		jdbc.sql("""
				INSERT INTO sharing_agreement_party (agreement_id, organisation_id, side)
				SELECT :id, o, s FROM unnest(CAST(:orgs AS uuid[]), CAST(:sides AS text[])) AS x(o, s)""")
			.param("id", a.id())
			.param("orgs", orgs.toArray(UUID[]::new))
			.param("sides", sides.toArray(String[]::new))
			.update();
	}

	boolean end(UUID id, java.time.Instant at) {
		return jdbc.sql("UPDATE sharing_agreement SET ended_at = :at, updated_at = :at WHERE id = :id AND ended_at IS NULL")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	Optional<Agreement> find(UUID id) {
		List<Agreement> found = load(jdbc.sql("SELECT " + COLUMNS + " FROM sharing_agreement a WHERE a.id = :id")
			.param("id", id));
		return found.stream().findFirst();
	}

	/** Every agreement (coordinators, the platform's admins and auditors), newest first. */
	List<Agreement> all() {
		return load(jdbc.sql("SELECT " + COLUMNS + " FROM sharing_agreement a ORDER BY a.created_at DESC, a.id"));
	}

	/** The agreements an organisation is party to, on either side, newest first. */
	List<Agreement> ofParty(OrganisationId organisation) {
		return load(jdbc.sql("SELECT " + COLUMNS + """
				 FROM sharing_agreement a
				WHERE EXISTS (SELECT 1 FROM sharing_agreement_party p WHERE p.agreement_id = a.id AND p.organisation_id = :org)
				ORDER BY a.created_at DESC, a.id""").param("org", organisation.value()));
	}

	/** Agreements not ended (their validity dates are checked by the caller, in the platform's time zone). */
	List<Agreement> notEnded() {
		return load(jdbc.sql("SELECT " + COLUMNS + " FROM sharing_agreement a WHERE a.ended_at IS NULL ORDER BY a.id"));
	}

	private List<Agreement> load(JdbcClient.StatementSpec statement) {
		List<Row> rows = statement.query((rs, n) -> row(rs)).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, Set<OrganisationId>> sharing = new HashMap<>();
		Map<UUID, Set<OrganisationId>> receiving = new HashMap<>();
		jdbc.sql("SELECT agreement_id, organisation_id, side FROM sharing_agreement_party WHERE agreement_id = ANY (CAST(:ids AS uuid[]))")
			.param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
			.query((rs, n) -> ("SHARING".equals(rs.getString(3)) ? sharing : receiving)
				.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
				.add(new OrganisationId(rs.getObject(2, UUID.class))))
			.list();
		return rows.stream().map(r -> r.agreement(sharing.getOrDefault(r.id(), Set.of()),
				receiving.getOrDefault(r.id(), Set.of()))).toList();
	}

	private record Row(UUID id, java.util.function.BiFunction<Set<OrganisationId>, Set<OrganisationId>, Agreement> make) {

		Agreement agreement(Set<OrganisationId> sharing, Set<OrganisationId> receiving) {
			return make.apply(sharing, receiving);
		}
	}

	private static Row row(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String name = rs.getString("name");
		String description = rs.getString("description");
		Tlp tlp = Tlp.valueOf(rs.getString("tlp_ceiling"));
		Pap pap = Pap.valueOf(rs.getString("pap"));
		Set<String> types = strings(rs, "indicator_types");
		Set<String> personal = strings(rs, "personal_types");
		Set<String> clear = strings(rs, "clear_value_types");
		String purpose = rs.getString("clear_value_purpose");
		boolean pseudonymous = rs.getBoolean("pseudonymous_sources");
		Integer retention = rs.getObject("retention_days", Integer.class);
		Iep iep = new Iep(Iep.EncryptInTransit.valueOf(rs.getString("encrypt_in_transit")),
				Iep.PermittedActions.valueOf(rs.getString("permitted_actions")),
				Iep.Permission.valueOf(rs.getString("affected_party_notifications")),
				Iep.Attribution.valueOf(rs.getString("attribution")), Iep.Permission.valueOf(rs.getString("unmodified_resale")),
				Iep.Permission.valueOf(rs.getString("resharing")), retention);
		java.time.LocalDate from = rs.getObject("valid_from", java.time.LocalDate.class);
		java.time.LocalDate until = rs.getObject("valid_until", java.time.LocalDate.class);
		boolean writable = rs.getBoolean("writable");
		boolean publicClear = rs.getBoolean("public_clear");
		UUID createdBy = rs.getObject("created_by", UUID.class);
		java.time.Instant createdAt = rs.getTimestamp("created_at").toInstant();
		java.time.Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
		Timestamp ended = rs.getTimestamp("ended_at");
		return new Row(id, (s, r) -> new Agreement(id, name, description, s, r, types, personal, clear, purpose, pseudonymous,
				tlp, pap, iep, from, until, writable, publicClear, createdBy, createdAt, updatedAt, ended == null ? null : ended.toInstant()));
	}

	private static Set<String> strings(ResultSet rs, String column) throws SQLException {
		return Set.copyOf(Arrays.stream((Object[]) rs.getArray(column).getArray()).map(Object::toString).toList());
	}
}
