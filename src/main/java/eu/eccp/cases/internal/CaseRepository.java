package eu.eccp.cases.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.cases.CaseId;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/** Cases, their members and the records they absorbed. */
@Repository
class CaseRepository {

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new reference such as {@code C-2026-000042}. */
	String nextReference(Instant now) {
		long n = jdbc.sql("SELECT nextval('case_reference_seq')").query(Long.class).single();
		return "C-%d-%06d".formatted(Year.from(now.atZone(ZoneOffset.UTC)).getValue(), n);
	}

	void insert(CaseFile c) {
		jdbc.sql("""
				INSERT INTO case_file (id, reference, title, summary, offences, tlp, status, owner_org, opened_by, opened_at, updated_at)
				VALUES (:id, :ref, :title, :summary, :offences, :tlp, :status, :owner, :by, :at, :at)""")
			.param("id", c.id().value())
			.param("ref", c.reference())
			.param("title", c.title())
			.param("summary", c.summary())
			.param("offences", c.offences().stream().map(Offence::name).collect(Collectors.joining(",")))
			.param("tlp", c.tlp().name())
			.param("status", c.status().name())
			.param("owner", c.owner().value())
			.param("by", c.openedBy().value())
			.param("at", at(c.openedAt()))
			.update();
	}

	void touch(CaseId id, Instant now) {
		jdbc.sql("UPDATE case_file SET updated_at = :now WHERE id = :id").param("id", id.value()).param("now", at(now)).update();
	}

	void close(CaseFile closed) {
		jdbc.sql("UPDATE case_file SET status = 'CLOSED', closed_at = :at, updated_at = :at WHERE id = :id AND status = 'OPEN'")
			.param("id", closed.id().value())
			.param("at", at(closed.closedAt()))
			.update();
	}

	Optional<CaseFile> find(CaseId id) {
		return jdbc.sql("SELECT * FROM case_file WHERE id = :id").param("id", id.value()).query(CaseRepository::caseFile)
			.optional();
	}

	/** The references of the given cases (ids of no case are left out), in one query. */
	Map<UUID, String> references(Collection<UUID> ids) {
		Map<UUID, String> references = new HashMap<>();
		if (ids.isEmpty()) {
			return references;
		}
		jdbc.sql("SELECT id, reference FROM case_file WHERE id = ANY (CAST(:ids AS uuid[]))")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> references.put(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		return references;
	}

	/** Locks the case row for a change that must not race another (invitations, closing). */
	Optional<CaseFile> lock(CaseId id) {
		return jdbc.sql("SELECT * FROM case_file WHERE id = :id FOR UPDATE").param("id", id.value())
			.query(CaseRepository::caseFile).optional();
	}

	/** The cases an organisation owns, is a member of or is invited to, most recently active first. */
	Page<CaseFile> casesOf(OrganisationId organisation, @Nullable String status, @Nullable String text, PageRequest page) {
		StringBuilder where = new StringBuilder(
				"EXISTS (SELECT 1 FROM case_member m WHERE m.case_id = c.id AND m.organisation_id = :org AND m.status <> 'DECLINED')");
		Map<String, Object> params = new java.util.HashMap<>(Map.of("org", organisation.value()));
		if (status != null) {
			where.append(" AND c.status = :status");
			params.put("status", status);
		}
		if (text != null && !text.isBlank()) {
			where.append(" AND (c.title ILIKE :text OR c.reference ILIKE :text)");
			params.put("text", "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return PagedQuery.page(jdbc, "c.*", "case_file c", where.toString(), params, "c.updated_at DESC, c.id", page,
				(rs, n) -> caseFile(rs, n));
	}

	/** Every case, for the platform operator's admins and auditors (never TLP:RED ones of others). */
	Page<CaseFile> allCases(OrganisationId caller, @Nullable String status, PageRequest page) {
		String where = "(c.owner_org = :org OR c.tlp <> 'RED')" + (status == null ? "" : " AND c.status = :status");
		Map<String, Object> params = new java.util.HashMap<>(Map.of("org", caller.value()));
		if (status != null) {
			params.put("status", status);
		}
		return PagedQuery.page(jdbc, "c.*", "case_file c", where, params, "c.updated_at DESC, c.id", page,
				(rs, n) -> caseFile(rs, n));
	}

	void insertMember(Membership m) {
		jdbc.sql("""
				INSERT INTO case_member (case_id, organisation_id, status, invited_by, invited_at, invitation_note)
				VALUES (:case, :org, :status, :by, :at, :note)
				ON CONFLICT (case_id, organisation_id) DO UPDATE SET status = EXCLUDED.status, invited_by = EXCLUDED.invited_by,
				  invited_at = EXCLUDED.invited_at, invitation_note = EXCLUDED.invitation_note, responded_by = NULL, responded_at = NULL""")
			.param("case", m.caseId().value())
			.param("org", m.organisation().value())
			.param("status", m.status().name())
			.param("by", m.invitedBy() == null ? null : m.invitedBy().value())
			.param("at", at(m.invitedAt()))
			.param("note", m.invitationNote())
			.update();
	}

	void answer(Membership m) {
		jdbc.sql("""
				UPDATE case_member SET status = :status, responded_by = :by, responded_at = :at
				WHERE case_id = :case AND organisation_id = :org AND status = 'INVITED'""")
			.param("case", m.caseId().value())
			.param("org", m.organisation().value())
			.param("status", m.status().name())
			.param("by", m.respondedBy() == null ? null : m.respondedBy().value())
			.param("at", at(m.respondedAt()))
			.update();
	}

	Optional<Membership> membership(CaseId id, OrganisationId organisation) {
		return jdbc.sql("SELECT * FROM case_member WHERE case_id = :case AND organisation_id = :org")
			.param("case", id.value())
			.param("org", organisation.value())
			.query(CaseRepository::membership)
			.optional();
	}

	List<Membership> members(CaseId id) {
		return jdbc.sql("SELECT * FROM case_member WHERE case_id = :case ORDER BY status = 'OWNER' DESC, invited_at")
			.param("case", id.value())
			.query(CaseRepository::membership)
			.list();
	}

	/** Pending invitations to an organisation. */
	List<Membership> invitationsTo(OrganisationId organisation) {
		return jdbc.sql("SELECT * FROM case_member WHERE organisation_id = :org AND status = 'INVITED' ORDER BY invited_at DESC")
			.param("org", organisation.value())
			.query(CaseRepository::membership)
			.list();
	}

	/** Links a record to the case; false when it was already linked. */
	boolean link(CaseId id, CaseLink link) {
		return jdbc.sql("""
				INSERT INTO case_link (case_id, kind, ref, label, added_org, added_by, added_at)
				VALUES (:case, :kind, :ref, :label, :org, :by, :at) ON CONFLICT DO NOTHING""")
			.param("case", id.value())
			.param("kind", link.kind())
			.param("ref", link.ref())
			.param("label", link.label())
			.param("org", link.addedBy().value())
			.param("by", link.addedByUser().value())
			.param("at", at(link.addedAt()))
			.update() == 1;
	}

	List<CaseLink> links(CaseId id) {
		return jdbc.sql("SELECT * FROM case_link WHERE case_id = :case ORDER BY added_at, kind, ref")
			.param("case", id.value())
			.query((rs, n) -> new CaseLink(rs.getString("kind"), rs.getString("ref"), rs.getString("label"),
					new OrganisationId(rs.getObject("added_org", UUID.class)), new UserId(rs.getObject("added_by", UUID.class)),
					instant(rs, "added_at")))
			.list();
	}

	private static CaseFile caseFile(ResultSet rs, int n) throws SQLException {
		String offences = rs.getString("offences");
		return new CaseFile(new CaseId(rs.getObject("id", UUID.class)), rs.getString("reference"), rs.getString("title"),
				rs.getString("summary"),
				offences.isEmpty() ? List.of() : Arrays.stream(offences.split(",")).map(Offence::valueOf).toList(),
				Tlp.valueOf(rs.getString("tlp")), CaseFile.Status.valueOf(rs.getString("status")),
				new OrganisationId(rs.getObject("owner_org", UUID.class)), new UserId(rs.getObject("opened_by", UUID.class)),
				instant(rs, "opened_at"), instant(rs, "updated_at"), instant(rs, "closed_at"));
	}

	private static Membership membership(ResultSet rs, int n) throws SQLException {
		UUID invitedBy = rs.getObject("invited_by", UUID.class);
		UUID respondedBy = rs.getObject("responded_by", UUID.class);
		return new Membership(new CaseId(rs.getObject("case_id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), Membership.Status.valueOf(rs.getString("status")),
				invitedBy == null ? null : new UserId(invitedBy), instant(rs, "invited_at"), rs.getString("invitation_note"),
				respondedBy == null ? null : new UserId(respondedBy), instant(rs, "responded_at"));
	}
}
