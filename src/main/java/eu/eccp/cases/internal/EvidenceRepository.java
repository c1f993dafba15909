package eu.eccp.cases.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.cases.CaseId;
import eu.eccp.cases.internal.EvidenceLocker.CustodyEvent;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;
import eu.eccp.shared.Visibility;

/**
 * The evidence files of cases (their rows: the bytes are in the locker's directory) and each file's chain of
 * custody. Reads for a member take the member's condition on markings ({@link CaseAccess.Access#entries}).
 */
@Repository
class EvidenceRepository {

	private final JdbcClient jdbc;

	EvidenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Evidence evidence) {
		jdbc.sql("""
				INSERT INTO case_evidence (id, case_id, entry_id, file_name, content_type, size_bytes, sha256, description, tlp,
				  storage_key, author_org, author_user, added_at)
				VALUES (:id, :case, :entry, :name, :type, :size, :sha, :description, :tlp, :key, :org, :user, :at)""")
			.param("id", evidence.id())
			.param("case", evidence.caseId().value())
			.param("entry", evidence.entryId())
			.param("name", evidence.fileName())
			.param("type", evidence.contentType())
			.param("size", evidence.size())
			.param("sha", evidence.sha256())
			.param("description", evidence.description())
			.param("tlp", evidence.tlp().name())
			.param("key", evidence.storageKey())
			.param("org", evidence.authorOrg().value())
			.param("user", evidence.author().value())
			.param("at", at(evidence.addedAt()))
			.update();
	}

	/** The evidence of a case that passes {@code visible}, oldest first. */
	List<Evidence> ofCase(CaseId caseId, Visibility.SqlCondition visible) {
		return jdbc.sql("SELECT * FROM case_evidence e WHERE e.case_id = :case AND " + visible.sql() + " ORDER BY e.added_at, e.id")
			.param("case", caseId.value())
			.params(visible.parameters())
			.query(EvidenceRepository::evidence)
			.list();
	}

	/** One file of a case, if it passes {@code visible}. */
	Optional<Evidence> find(CaseId caseId, UUID evidenceId, Visibility.SqlCondition visible) {
		return jdbc.sql("SELECT * FROM case_evidence e WHERE e.id = :id AND e.case_id = :case AND " + visible.sql())
			.param("id", evidenceId)
			.param("case", caseId.value())
			.params(visible.parameters())
			.query(EvidenceRepository::evidence)
			.optional();
	}

	/** A file's row for the platform's own processing (indicator extraction), not for a reader. */
	Optional<Evidence> findForProcessing(UUID evidenceId) {
		return jdbc.sql("SELECT * FROM case_evidence e WHERE e.id = :id").param("id", evidenceId)
			.query(EvidenceRepository::evidence).optional();
	}

	/** Adds one step to the chain of custody of each of these files. */
	void custody(List<Evidence> evidence, String action, @Nullable String reason, CallerContext by, Instant at) {
		jdbc.sql("""
				INSERT INTO custody_event (evidence_id, action, reason, actor_org, actor_user, at)
				SELECT unnest(:ids), :action, :reason, :org, :user, :at""")
			.param("ids", evidence.stream().map(Evidence::id).toArray(UUID[]::new))
			.param("action", action)
			.param("reason", reason)
			.param("org", by.organisationId().value())
			.param("user", by.userId().value())
			.param("at", at(at))
			.update();
	}

	List<CustodyEvent> custodyOf(UUID evidenceId) {
		return jdbc.sql("SELECT * FROM custody_event WHERE evidence_id = :id ORDER BY id")
			.param("id", evidenceId)
			.query((rs, n) -> new CustodyEvent(rs.getString("action"), rs.getString("reason"),
					new OrganisationId(rs.getObject("actor_org", UUID.class)), new UserId(rs.getObject("actor_user", UUID.class)),
					instant(rs, "at")))
			.list();
	}

	static Evidence evidence(ResultSet rs, int n) throws SQLException {
		return new Evidence(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
				rs.getObject("entry_id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("description"), Tlp.valueOf(rs.getString("tlp")),
				rs.getString("storage_key"), new OrganisationId(rs.getObject("author_org", UUID.class)),
				new UserId(rs.getObject("author_user", UUID.class)), instant(rs, "added_at"));
	}
}
