package eu.eccp.organisations.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;
import eu.eccp.shared.Visibility;

@Repository
class ApiTokenRepository {

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String tokenHash, String kind, String name, OrganisationId org, @Nullable UserId user,
			Set<Role> roles, @Nullable UserId createdBy, Instant now, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO api_token (id, token_hash, kind, name, organisation_id, user_id, roles, created_by, created_at, expires_at)
				VALUES (:id, :hash, :kind, :name, :org, :user, :roles, :createdBy, :now, :expires)""")
			.param("id", id)
			.param("hash", tokenHash)
			.param("kind", kind)
			.param("name", name)
			.param("org", org.value())
			.param("user", user == null ? null : user.value())
			.param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
			.param("createdBy", createdBy == null ? null : createdBy.value())
			.param("now", at(now))
			.param("expires", at(expiresAt))
			.update();
	}

	/** The unrevoked, unexpired token with this hash; marks it used. */
	Optional<ApiTokenView> findActiveByHash(String tokenHash, Instant now) {
		return jdbc.sql("""
				UPDATE api_token t SET last_used_at = :now FROM organisation o
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND o.id = t.organisation_id
				RETURNING t.*, o.name AS org_name""")
			.param("hash", tokenHash)
			.param("now", at(now))
			.query(this::map)
			.optional();
	}

	List<ApiTokenView> findVisible(Visibility visibility, String kind) {
		Visibility.SqlCondition where = visibility.ownedBy("t.organisation_id");
		return jdbc.sql("SELECT t.*, o.name AS org_name FROM api_token t JOIN organisation o ON o.id = t.organisation_id WHERE "
				+ where.sql() + " AND t.kind = :kind ORDER BY t.created_at DESC")
			.params(where.parameters())
			.param("kind", kind)
			.query(this::map)
			.list();
	}

	Optional<ApiTokenView> findById(UUID id) {
		return jdbc.sql("SELECT t.*, o.name AS org_name FROM api_token t JOIN organisation o ON o.id = t.organisation_id WHERE t.id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	boolean revoke(UUID id, Instant now) {
		return jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("id", id)
			.param("now", at(now))
			.update() == 1;
	}

	/** Revokes every unrevoked personal token of the person; returns how many. */
	int revokePersonalTokens(UserId user, Instant now) {
		return jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
			.param("user", user.value())
			.param("now", at(now))
			.update();
	}

	private ApiTokenView map(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		String text = rs.getString("roles");
		if (text != null && !text.isBlank()) {
			Arrays.stream(text.split(",")).map(Role::valueOf).forEach(roles::add);
		}
		return new ApiTokenView(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("org_name"),
				rs.getObject("user_id", UUID.class), roles, instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "revoked_at"), instant(rs, "last_used_at"));
	}
}
