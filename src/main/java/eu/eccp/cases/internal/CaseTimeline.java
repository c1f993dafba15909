package eu.eccp.cases.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/**
 * Everything that happened in a case, in order. Each line has a type (shown through the message bundles,
 * {@code case.event.<type>}), a short subject (an organisation's name, a file name, a task's title) and the
 * marking of what it is about, so that a TLP:RED note leaves no trace outside its author's organisation.
 */
@Component
public class CaseTimeline {

	/** A line of the timeline as shown. */
	public record Event(long id, String type, String subject, Tlp tlp, OrganisationId actorOrg, @Nullable UserId actor,
			Instant at) {
	}

	private final JdbcClient jdbc;

	CaseTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(CaseId caseId, String type, String subject, Tlp tlp, CallerContext by, Instant at) {
		jdbc.sql("""
				INSERT INTO case_event (case_id, type, summary, tlp, actor_org, actor_user, at)
				VALUES (:case, :type, :summary, :tlp, :org, :user, :at)""")
			.param("case", caseId.value())
			.param("type", type)
			.param("summary", subject.length() > 300 ? subject.substring(0, 300) : subject)
			.param("tlp", tlp.name())
			.param("org", by.organisationId().value())
			.param("user", by.userId().value())
			.param("at", at(at))
			.update();
	}

	/** A line written by the platform on an organisation's behalf (no person acted). */
	void recordBySystem(CaseId caseId, String type, String subject, Tlp tlp, OrganisationId actor, Instant at) {
		jdbc.sql("""
				INSERT INTO case_event (case_id, type, summary, tlp, actor_org, actor_user, at)
				VALUES (:case, :type, :summary, :tlp, :org, NULL, :at)""")
			.param("case", caseId.value())
			.param("type", type)
			.param("summary", subject)
			.param("tlp", tlp.name())
			.param("org", actor.value())
			.param("at", at(at))
			.update();
	}

	List<Event> visibleTo(CaseAccess.Access access) {
		var visible = access.entries("e").sql().replace(".author_org", ".actor_org");
		return jdbc.sql("SELECT * FROM case_event e WHERE e.case_id = :case AND " + visible + " ORDER BY e.id")
			.param("case", access.file().id().value())
			.params(access.entries("e").parameters())
			.query((rs, n) -> {
				UUID user = rs.getObject("actor_user", UUID.class);
				return new Event(rs.getLong("id"), rs.getString("type"), rs.getString("summary"), Tlp.valueOf(rs.getString("tlp")),
						new OrganisationId(rs.getObject("actor_org", UUID.class)), user == null ? null : new UserId(user),
						instant(rs, "at"));
			})
			.list();
	}
}
