package eu.eccp.organisations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Role;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.UserId;
import eu.eccp.shared.Visibility;

@Repository
class UserRepository {

	private static final String COLUMNS = """
			u.*, o.name AS org_name, o.short_name AS org_short_name, o.type AS org_type, o.country AS org_country,
			  (SELECT string_agg(r.role, ',') FROM user_role r WHERE r.user_id = u.id) AS roles""";

	private static final String FROM = "app_user u JOIN organisation o ON o.id = u.organisation_id";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM " + FROM + " ";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the account unless its username is taken; returns whether it was inserted. */
	boolean insert(UserId id, String username, String displayName, @Nullable String email, OrganisationId org,
			String passwordHash, boolean demoAccount, Set<Role> roles, Instant now) {
		int inserted = jdbc.sql("""
				INSERT INTO app_user (id, username, display_name, email, organisation_id, password_hash, demo_account, created_at)
				VALUES (:id, :username, :displayName, :email, :org, :hash, :demo, :now)
				ON CONFLICT (username) DO NOTHING""")
			.param("id", id.value())
			.param("username", username)
			.param("displayName", displayName)
			.param("email", email)
			.param("org", org.value())
			.param("hash", passwordHash)
			.param("demo", demoAccount)
			.param("now", SqlTimes.at(now))
			.update();
		if (inserted == 1) {
			setRoles(id, roles);
		}
		return inserted == 1;
	}

	void setRoles(UserId id, Set<Role> roles) {
		jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id.value()).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
				.param("id", id.value())
				.param("role", role.name())
				.update();
		}
	}

	/** Ends the account's web sessions started before now (they carry the previous version). */
	void bumpSecurityVersion(UserId id) {
		jdbc.sql("UPDATE app_user SET security_version = security_version + 1 WHERE id = :id").param("id", id.value()).update();
	}

	/** The account's security version, if the account exists and is enabled. */
	Optional<Long> enabledSecurityVersion(UserId id) {
		return jdbc.sql("SELECT security_version FROM app_user WHERE id = :id AND enabled")
			.param("id", id.value())
			.query(Long.class)
			.optional();
	}

	void updateProfile(UserId id, String displayName, @Nullable String email) {
		jdbc.sql("UPDATE app_user SET display_name = :d, email = :e WHERE id = :id")
			.param("id", id.value())
			.param("d", displayName)
			.param("e", email)
			.update();
	}

	void setEnabled(UserId id, boolean enabled) {
		jdbc.sql("UPDATE app_user SET enabled = :e, security_version = security_version + 1 WHERE id = :id").param("id", id.value()).param("e", enabled).update();
	}

	void setPassword(UserId id, String passwordHash) {
		jdbc.sql("""
				UPDATE app_user SET password_hash = :h, failed_logins = 0, locked_until = NULL,
				  security_version = security_version + 1 WHERE id = :id""")
			.param("id", id.value())
			.param("h", passwordHash)
			.update();
	}

	/** The second factor as stored: the encrypted secret, if confirmed; one waiting for its first code; the last step used. */
	record StoredSecondFactor(byte @Nullable [] secret, byte @Nullable [] pendingSecret, long lastStep) {
	}

	Optional<StoredSecondFactor> secondFactor(UserId id) {
		return jdbc.sql("SELECT totp_secret, totp_pending_secret, totp_last_step FROM app_user WHERE id = :id")
			.param("id", id.value())
			.query((rs, row) -> new StoredSecondFactor(rs.getBytes("totp_secret"), rs.getBytes("totp_pending_secret"),
					rs.getLong("totp_last_step")))
			.optional();
	}

	void setPendingSecondFactor(UserId id, byte[] encryptedSecret) {
		jdbc.sql("UPDATE app_user SET totp_pending_secret = :s WHERE id = :id")
			.param("id", id.value())
			.param("s", encryptedSecret)
			.update();
	}

	/**
	 * Switches the pending second factor on, its confirming code's step used, and ends the account's web
	 * sessions started before. Returns whether there was a pending secret to switch on.
	 */
	boolean confirmSecondFactor(UserId id, long step, Instant now) {
		return jdbc.sql("""
				UPDATE app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = :now,
				  totp_last_step = :step, security_version = security_version + 1
				WHERE id = :id AND totp_pending_secret IS NOT NULL AND totp_secret IS NULL""")
			.param("id", id.value())
			.param("step", step)
			.param("now", SqlTimes.at(now))
			.update() == 1;
	}

	/**
	 * Marks the time step as used unless it, or a later one, already was: the one place that decides, for
	 * every node at once, that a code is accepted at most once.
	 */
	boolean useSecondFactorStep(UserId id, long step) {
		return jdbc.sql("UPDATE app_user SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
			.param("id", id.value())
			.param("step", step)
			.update() == 1;
	}

	/** Removes the second factor (confirmed or pending) and ends the account's web sessions started before. */
	boolean removeSecondFactor(UserId id) {
		return jdbc.sql("""
				UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL,
				  security_version = security_version + 1
				WHERE id = :id AND (totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL)""")
			.param("id", id.value())
			.update() == 1;
	}

	/** Counts a failed login (shown to admins; it never locks the account: see {@link LoginThrottle}). */
	void recordFailedLogin(String username) {
		jdbc.sql("UPDATE app_user SET failed_logins = failed_logins + 1 WHERE username = :username")
			.param("username", username)
			.update();
	}

	Optional<String> language(UserId id) {
		return jdbc.sql("SELECT language FROM app_user WHERE id = :id AND language IS NOT NULL")
			.param("id", id.value())
			.query(String.class)
			.optional();
	}

	void rememberLanguage(UserId id, String language) {
		jdbc.sql("UPDATE app_user SET language = :language WHERE id = :id AND language IS DISTINCT FROM :language")
			.param("id", id.value())
			.param("language", language)
			.update();
	}

	void recordSuccessfulLogin(String username, Instant now) {
		jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = :now WHERE username = :username")
			.param("username", username)
			.param("now", SqlTimes.at(now))
			.update();
	}

	Optional<UserRecord> findByUsername(String username) {
		return jdbc.sql(SELECT + " WHERE u.username = :username").param("username", username).query(this::map).optional();
	}

	Optional<UserRecord> findById(UserId id) {
		return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id.value()).query(this::map).optional();
	}

	Page<UserRecord> findVisible(Visibility visibility, @Nullable OrganisationId organisation, PageRequest page) {
		Visibility.SqlCondition where = visibility.ownedBy("u.organisation_id");
		Map<String, Object> params = new LinkedHashMap<>(where.parameters());
		StringBuilder sql = new StringBuilder(where.sql());
		if (organisation != null) {
			sql.append(" AND u.organisation_id = :org");
			params.put("org", organisation.value());
		}
		return PagedQuery.page(jdbc, COLUMNS, FROM, sql.toString(), params, "o.country, o.name, u.username", page,
				this::map);
	}

	List<UserRecord> findByOrganisation(OrganisationId organisation) {
		return jdbc.sql(SELECT + " WHERE u.organisation_id = :org ORDER BY u.display_name")
			.param("org", organisation.value())
			.query(this::map)
			.list();
	}

	boolean anyAdministratorExists() {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM app_user u JOIN user_role r ON r.user_id = u.id
				  WHERE r.role = 'ADMIN' AND u.enabled AND NOT u.demo_account)""")
			.query(Boolean.class)
			.single();
	}

	long countDemoAccounts() {
		return jdbc.sql("SELECT count(*) FROM app_user WHERE demo_account").query(Long.class).single();
	}

	private UserRecord map(ResultSet rs, int row) throws SQLException {
		OrganisationView org = new OrganisationView(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				rs.getString("org_name"), rs.getString("org_short_name"), OrganisationType.valueOf(rs.getString("org_type")),
				new CountryCode(rs.getString("org_country")));
		String roles = rs.getString("roles");
		Set<Role> roleSet = EnumSet.noneOf(Role.class);
		if (roles != null) {
			Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(roleSet::add);
		}
		return new UserRecord(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("display_name"), rs.getString("email"), org, rs.getString("password_hash"),
				rs.getBoolean("enabled"), rs.getBoolean("demo_account"), rs.getInt("failed_logins"),
				SqlTimes.instant(rs, "locked_until"), SqlTimes.instant(rs, "last_login_at"), roleSet, SqlTimes.instant(rs, "created_at"),
				rs.getLong("security_version"), rs.getObject("totp_enabled_at") != null);
	}
}
