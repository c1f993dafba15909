package eu.eccp.organisations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.Visibility;

@Repository
class OrganisationRepository {

	private final JdbcClient jdbc;

	OrganisationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the organisation unless one with its short name exists; returns whether it was inserted. */
	boolean insert(OrganisationView org, boolean demo, Instant now) {
		return jdbc.sql("""
				INSERT INTO organisation (id, name, short_name, type, country, demo, created_at)
				VALUES (:id, :name, :shortName, :type, :country, :demo, :now)
				ON CONFLICT (short_name) DO NOTHING""")
			.param("id", org.id().value())
			.param("name", org.name())
			.param("shortName", org.shortName())
			.param("type", org.type().name())
			.param("country", org.country().value())
			.param("demo", demo)
			.param("now", SqlTimes.at(now))
			.update() == 1;
	}

	void update(OrganisationView org) {
		jdbc.sql("UPDATE organisation SET name = :name, short_name = :shortName, type = :type, country = :country WHERE id = :id")
			.param("id", org.id().value())
			.param("name", org.name())
			.param("shortName", org.shortName())
			.param("type", org.type().name())
			.param("country", org.country().value())
			.update();
	}

	Optional<OrganisationView> findById(OrganisationId id) {
		return jdbc.sql("SELECT * FROM organisation WHERE id = :id").param("id", id.value()).query(this::map).optional();
	}

	Optional<OrganisationView> findByShortName(String shortName) {
		return jdbc.sql("SELECT * FROM organisation WHERE short_name = :s").param("s", shortName).query(this::map).optional();
	}

	List<OrganisationView> find(CountryCode country, OrganisationType type) {
		return jdbc.sql("SELECT * FROM organisation WHERE country = :c AND type = :t ORDER BY name")
			.param("c", country.value())
			.param("t", type.name())
			.query(this::map)
			.list();
	}

	List<OrganisationView> findByType(OrganisationType type) {
		return jdbc.sql("SELECT * FROM organisation WHERE type = :t ORDER BY created_at, name")
			.param("t", type.name())
			.query(this::map)
			.list();
	}

	List<OrganisationView> findAllVisible(Visibility visibility) {
		Visibility.SqlCondition where = visibility.ownedBy("id");
		return jdbc.sql("SELECT * FROM organisation WHERE " + where.sql() + " ORDER BY country, name")
			.params(where.parameters())
			.query(this::map)
			.list();
	}

	Page<OrganisationView> findPage(Visibility.SqlCondition where, @Nullable CountryCode country,
			@Nullable OrganisationType type, PageRequest page) {
		Map<String, Object> params = new LinkedHashMap<>(where.parameters());
		StringBuilder sql = new StringBuilder(where.sql());
		if (country != null) {
			sql.append(" AND country = :country");
			params.put("country", country.value());
		}
		if (type != null) {
			sql.append(" AND type = :type");
			params.put("type", type.name());
		}
		return PagedQuery.page(jdbc, "*", "organisation", sql.toString(), params, "country, name", page, this::map);
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
	}

	private OrganisationView map(ResultSet rs, int row) throws SQLException {
		return new OrganisationView(new OrganisationId(rs.getObject("id", UUID.class)), rs.getString("name"),
				rs.getString("short_name"), OrganisationType.valueOf(rs.getString("type")),
				new CountryCode(rs.getString("country")));
	}
}
