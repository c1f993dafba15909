package eu.eccp.cases.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;
import eu.eccp.shared.Visibility;

/** The lines of cases' timelines ({@code case_event}), in the order they were written. */
@Repository
class CaseEventRepository {

	private final JdbcClient jdbc;

	CaseEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a line; {@code actor} is null when the platform wrote it on the organisation's behalf. */
	void insert(CaseId caseId, String type, String summary, Tlp tlp, OrganisationId actorOrg, @Nullable UserId actor,
			Instant at) {
		jdbc.sql("""
				INSERT INTO case_event (case_id, type, summary, tlp, actor_org, actor_user, at)
				VALUES (:case, :type, :summary, :tlp, :org, :user, :at)""")
			.param("case", caseId.value())
			.param("type", type)
			.param("summary", summary)
			.param("tlp", tlp.name())
			.param("org", actorOrg.value())
			.param("user", actor == null ? null : actor.value())
			.param("at", at(at))
			.update();
	}

	/**
	 * The case's lines that pass the condition on entries {@code visible} (alias {@code e}; a line's author is its
	 * actor), oldest first.
	 */
	List<CaseTimeline.Event> ofCase(CaseId caseId, Visibility.SqlCondition visible) {
		String condition = visible.sql().replace(".author_org", ".actor_org");
		return jdbc.sql("SELECT * FROM case_event e WHERE e.case_id = :case AND " + condition + " ORDER BY e.id")
			.param("case", caseId.value())
			.params(visible.parameters())
			.query((rs, n) -> {
				UUID user = rs.getObject("actor_user", UUID.class);
				return new CaseTimeline.Event(rs.getLong("id"), rs.getString("type"), rs.getString("summary"),
						Tlp.valueOf(rs.getString("tlp")), new OrganisationId(rs.getObject("actor_org", UUID.class)),
						user == null ? null : new UserId(user), instant(rs, "at"));
			})
			.list();
	}
}
