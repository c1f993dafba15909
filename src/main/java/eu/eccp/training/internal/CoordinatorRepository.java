package eu.eccp.training.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.UserId;

@Repository
class CoordinatorRepository {

	private final JdbcClient jdbc;

	CoordinatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean designate(OrganisationId organisation, UserId person, @Nullable UserId by, Instant now) {
		return jdbc.sql("""
				INSERT INTO training_coordinator (organisation_id, user_id, designated_by, designated_at)
				VALUES (:org, :user, :by, :now) ON CONFLICT DO NOTHING""")
			.param("org", organisation.value())
			.param("user", person.value())
			.param("by", by == null ? null : by.value())
			.param("now", SqlTimes.at(now))
			.update() == 1;
	}

	boolean revoke(OrganisationId organisation, UserId person) {
		return jdbc.sql("DELETE FROM training_coordinator WHERE organisation_id = :org AND user_id = :user")
			.param("org", organisation.value())
			.param("user", person.value())
			.update() == 1;
	}

	boolean isCoordinator(OrganisationId organisation, UserId person) {
		return jdbc.sql("SELECT count(*) FROM training_coordinator WHERE organisation_id = :org AND user_id = :user")
			.param("org", organisation.value())
			.param("user", person.value())
			.query(Long.class)
			.single() > 0;
	}

	List<UserId> coordinators(OrganisationId organisation) {
		return jdbc.sql("SELECT user_id FROM training_coordinator WHERE organisation_id = :org ORDER BY designated_at")
			.param("org", organisation.value())
			.query((rs, n) -> new UserId(rs.getObject("user_id", UUID.class)))
			.list();
	}
}
