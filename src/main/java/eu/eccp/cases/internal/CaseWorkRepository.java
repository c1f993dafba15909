package eu.eccp.cases.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;
import eu.eccp.shared.Visibility;

/**
 * A case's notes, messages and tasks. Every read for a member takes the member's condition on markings
 * ({@link CaseAccess.Access#entries}), so a TLP:RED entry of another organisation is never read.
 */
@Repository
class CaseWorkRepository {

	private final JdbcClient jdbc;

	CaseWorkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertEntry(CaseEntry entry) {
		jdbc.sql("""
				INSERT INTO case_entry (id, case_id, kind, body, tlp, author_org, author_user, created_at)
				VALUES (:id, :case, :kind, :body, :tlp, :org, :user, :at)""")
			.param("id", entry.id())
			.param("case", entry.caseId().value())
			.param("kind", entry.kind().name())
			.param("body", entry.body())
			.param("tlp", entry.tlp().name())
			.param("org", entry.authorOrg().value())
			.param("user", entry.author().value())
			.param("at", at(entry.createdAt()))
			.update();
	}

	/** The notes or messages of a case that pass {@code visible}, oldest first, with their attachments. */
	List<CaseEntry> entries(CaseId caseId, CaseEntry.Kind kind, Visibility.SqlCondition visible,
			Map<UUID, List<Evidence>> attachments) {
		return jdbc.sql("SELECT * FROM case_entry e WHERE e.case_id = :case AND e.kind = :kind AND " + visible.sql()
				+ " ORDER BY e.created_at, e.id")
			.param("case", caseId.value())
			.param("kind", kind.name())
			.params(visible.parameters())
			.query((rs, n) -> entry(rs, attachments))
			.list();
	}

	/** An entry for the platform's own processing (indicator extraction), not for a reader. */
	Optional<CaseEntry> entryForProcessing(UUID entryId) {
		return jdbc.sql("SELECT * FROM case_entry e WHERE e.id = :id").param("id", entryId)
			.query((rs, n) -> entry(rs, Map.of())).optional();
	}

	void insertTask(CaseTask task) {
		jdbc.sql("""
				INSERT INTO case_task (id, case_id, title, assignee, due_on, status, tlp, author_org, author_user, created_at)
				VALUES (:id, :case, :title, :assignee, :due, 'OPEN', :tlp, :org, :user, :at)""")
			.param("id", task.id())
			.param("case", task.caseId().value())
			.param("title", task.title())
			.param("assignee", task.assignee() == null ? null : task.assignee().value())
			.param("due", task.dueOn())
			.param("tlp", task.tlp().name())
			.param("org", task.authorOrg().value())
			.param("user", task.author().value())
			.param("at", at(task.createdAt()))
			.update();
	}

	void completeTask(UUID taskId, UserId by, Instant at) {
		jdbc.sql("UPDATE case_task SET status = 'DONE', done_at = :at, done_by = :by WHERE id = :id AND status = 'OPEN'")
			.param("id", taskId)
			.param("at", at(at))
			.param("by", by.value())
			.update();
	}

	/** The tasks of a case that pass {@code visible}: open ones first, then by due date. */
	List<CaseTask> tasks(CaseId caseId, Visibility.SqlCondition visible) {
		return jdbc.sql("SELECT * FROM case_task t WHERE t.case_id = :case AND " + visible.sql()
				+ " ORDER BY t.status, t.due_on NULLS LAST, t.created_at")
			.param("case", caseId.value())
			.params(visible.parameters())
			.query(CaseWorkRepository::task)
			.list();
	}

	private static CaseEntry entry(ResultSet rs, Map<UUID, List<Evidence>> attachments) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new CaseEntry(id, new CaseId(rs.getObject("case_id", UUID.class)), CaseEntry.Kind.valueOf(rs.getString("kind")),
				rs.getString("body"), Tlp.valueOf(rs.getString("tlp")), new OrganisationId(rs.getObject("author_org", UUID.class)),
				new UserId(rs.getObject("author_user", UUID.class)), instant(rs, "created_at"),
				attachments.getOrDefault(id, List.of()));
	}

	private static CaseTask task(ResultSet rs, int n) throws SQLException {
		UUID assignee = rs.getObject("assignee", UUID.class);
		UUID doneBy = rs.getObject("done_by", UUID.class);
		java.sql.Date due = rs.getDate("due_on");
		return new CaseTask(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
				rs.getString("title"), assignee == null ? null : new UserId(assignee), due == null ? null : due.toLocalDate(),
				CaseTask.Status.valueOf(rs.getString("status")), Tlp.valueOf(rs.getString("tlp")),
				new OrganisationId(rs.getObject("author_org", UUID.class)), new UserId(rs.getObject("author_user", UUID.class)),
				instant(rs, "created_at"), instant(rs, "done_at"), doneBy == null ? null : new UserId(doneBy));
	}
}
