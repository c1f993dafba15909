package eu.eccp.contactpoints.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.UserId;

/**
 * The entries of the contact-point directory ({@code contact_point}), one per organisation. Searches take their
 * condition and order from the directory (which organisations match is the organisations module's to say).
 */
@Repository
class ContactPointRepository {

	private static final String COLUMNS = """
			organisation_id, description, capabilities, languages, always_open, office_opens, office_closes, time_zone,
			  phone, email, platform_channel, backup_name, backup_phone, backup_email, backup_user, updated_at, updated_by""";

	private static final String VALUES = """
			:org, :description, :capabilities, :languages, :alwaysOpen, :opens, :closes, :zone, :phone, :email,
			  :platform, :backupName, :backupPhone, :backupEmail, :backupUser, :now, :by""";

	private final JdbcClient jdbc;

	ContactPointRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every entry matching {@code where}, in {@code order}. */
	List<ContactPointDirectory.Row> search(String where, Map<String, Object> parameters, String order) {
		return jdbc.sql("SELECT * FROM contact_point WHERE " + where + " ORDER BY " + order)
			.params(parameters)
			.query((rs, n) -> row(rs)).list();
	}

	/** One page of the entries matching {@code where}, in {@code order}, counted in the same pass. */
	Page<ContactPointDirectory.Row> page(String where, Map<String, Object> parameters, String order, PageRequest page) {
		return PagedQuery.page(jdbc, "*", "contact_point", where, parameters, order, page, (rs, n) -> row(rs));
	}

	/** The organisations that have an entry. */
	List<UUID> organisations() {
		return jdbc.sql("SELECT organisation_id FROM contact_point").query(UUID.class).list();
	}

	Optional<ContactPointDirectory.Row> find(UUID organisationId) {
		return jdbc.sql("SELECT * FROM contact_point WHERE organisation_id = :org").param("org", organisationId)
			.query((rs, n) -> row(rs)).optional();
	}

	/** Creates or replaces the organisation's entry. */
	void save(ContactPointDirectory.Row row, @Nullable UserId by) {
		jdbc.sql("INSERT INTO contact_point (" + COLUMNS + ") VALUES (" + VALUES + ")" + """

				ON CONFLICT (organisation_id) DO UPDATE SET description = EXCLUDED.description,
				  capabilities = EXCLUDED.capabilities, languages = EXCLUDED.languages, always_open = EXCLUDED.always_open,
				  office_opens = EXCLUDED.office_opens, office_closes = EXCLUDED.office_closes, time_zone = EXCLUDED.time_zone,
				  phone = EXCLUDED.phone, email = EXCLUDED.email, platform_channel = EXCLUDED.platform_channel,
				  backup_name = EXCLUDED.backup_name, backup_phone = EXCLUDED.backup_phone, backup_email = EXCLUDED.backup_email,
				  backup_user = EXCLUDED.backup_user, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.params(parameters(row, by))
			.update();
	}

	/** Creates the organisation's entry unless it has one; whether it was created. */
	boolean addIfAbsent(ContactPointDirectory.Row row) {
		return jdbc.sql("INSERT INTO contact_point (" + COLUMNS + ") VALUES (" + VALUES + ") ON CONFLICT (organisation_id) DO NOTHING")
			.params(parameters(row, null))
			.update() > 0;
	}

	private static Map<String, Object> parameters(ContactPointDirectory.Row row, @Nullable UserId by) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("org", row.organisationId());
		parameters.put("description", row.description());
		parameters.put("capabilities", String.join(",", row.capabilities().stream().map(Enum::name).toList()));
		parameters.put("languages", String.join(",", row.languages()));
		parameters.put("alwaysOpen", row.alwaysOpen());
		parameters.put("opens", row.alwaysOpen() || row.opens() == null ? null : Time.valueOf(row.opens()));
		parameters.put("closes", row.alwaysOpen() || row.closes() == null ? null : Time.valueOf(row.closes()));
		parameters.put("zone", row.zone());
		parameters.put("phone", row.phone());
		parameters.put("email", row.email());
		parameters.put("platform", row.platformChannel());
		parameters.put("backupName", row.backup().name());
		parameters.put("backupPhone", row.backup().phone());
		parameters.put("backupEmail", row.backup().email());
		parameters.put("backupUser", row.backup().userId());
		parameters.put("now", Timestamp.from(row.updatedAt()));
		parameters.put("by", by == null ? null : by.value());
		return parameters;
	}

	private static ContactPointDirectory.Row row(ResultSet rs) throws SQLException {
		Time opens = rs.getTime("office_opens");
		Time closes = rs.getTime("office_closes");
		return new ContactPointDirectory.Row(rs.getObject("organisation_id", UUID.class), rs.getString("description"),
				split(rs.getString("capabilities")).stream().map(Capability::valueOf).toList(),
				split(rs.getString("languages")), rs.getBoolean("always_open"), opens == null ? null : opens.toLocalTime(),
				closes == null ? null : closes.toLocalTime(), rs.getString("time_zone"), rs.getString("phone"),
				rs.getString("email"), rs.getBoolean("platform_channel"),
				new ContactPointView.Backup(rs.getString("backup_name"), rs.getString("backup_phone"),
						rs.getString("backup_email"), rs.getObject("backup_user", UUID.class)),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static List<String> split(@Nullable String text) {
		return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
	}
}
