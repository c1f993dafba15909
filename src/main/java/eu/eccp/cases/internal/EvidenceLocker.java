package eu.eccp.cases.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.cases.CaseId;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.HashedFiles;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;
import eu.eccp.shared.Upload;

/**
 * Keeps evidence: files stream to {@code DATA_DIR/evidence} (outside the web root) while their SHA-256 is
 * computed, never held whole in memory; each is logged in its chain of custody when added, viewed,
 * downloaded or exported, with who did it and why.
 */
@Service
public class EvidenceLocker {

	/** One line of a chain of custody. */
	public record CustodyEvent(String action, @Nullable String reason, OrganisationId actorOrg, UserId actor, Instant at) {
	}

	/** A download: the evidence and its content, to be closed by the caller. */
	public record Download(Evidence evidence, InputStream content) {
	}

	private final JdbcClient jdbc;
	private final CaseAccess access;
	private final CaseRepository cases;
	private final CaseTimeline timeline;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final CasesProperties properties;
	private final Clock clock;
	private final Path directory;

	EvidenceLocker(JdbcClient jdbc, CaseAccess access, CaseRepository cases, CaseTimeline timeline, AuditTrail audit,
			ApplicationEventPublisher events, CasesProperties properties, Clock clock,
			@Value("${eccp.data-dir:./data}") Path dataDir) {
		this.jdbc = jdbc;
		this.access = access;
		this.cases = cases;
		this.timeline = timeline;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.directory = dataDir.resolve("evidence");
	}

	/** Adds a file to an open case the caller's organisation is a member of. */
	@Transactional
	public Evidence add(CallerContext caller, CaseId caseId, Upload upload, @Nullable String description, Tlp tlp) {
		CaseAccess.Access member = access.contributor(caller, caseId);
		String why = description == null || description.isBlank() ? null : description.strip();
		if (why != null && why.length() > 2_000) {
			throw new InvalidRequestException("description", "validation.tooLong");
		}
		Evidence evidence = store(member, upload, why, tlp, null);
		timeline.record(caseId, "evidence.added", evidence.fileName(), tlp, caller, evidence.addedAt());
		cases.touch(caseId, evidence.addedAt());
		return evidence;
	}

	/** Streams an upload into the locker and records it (used for evidence and message attachments). */
	Evidence store(CaseAccess.Access member, Upload upload, @Nullable String description, Tlp tlp, @Nullable UUID entryId) {
		UUID id = UUID.randomUUID();
		CaseId caseId = member.file().id();
		String storageKey = caseId.value() + "/" + id;
		Path target = directory.resolve(storageKey);
		HashedFiles.Written written;
		try (InputStream in = upload.open()) {
			written = HashedFiles.write(in, target, properties.maxEvidenceSize().toBytes());
		}
		catch (HashedFiles.TooLargeException e) {
			throw new InvalidRequestException("file", "validation.evidenceTooLarge");
		}
		catch (IOException e) {
			HashedFiles.deleteQuietly(target);
			throw new UncheckedIOException("could not store evidence " + id, e);
		}
		if (written.size() == 0) {
			HashedFiles.deleteQuietly(target);
			throw new InvalidRequestException("file", "validation.evidenceEmpty");
		}
		HashedFiles.deleteOnRollback(target);
		long size = written.size();
		String sha256 = written.sha256();
		CallerContext caller = member.caller();
		Instant now = clock.instant();
		String contentType = upload.contentType() == null || upload.contentType().isBlank() ? "application/octet-stream"
				: upload.contentType().strip();
		Evidence evidence = new Evidence(id, caseId, entryId, Evidence.safeFileName(upload.fileName()),
				contentType.length() > 200 ? "application/octet-stream" : contentType, size, sha256, description, tlp,
				storageKey, caller.organisationId(), caller.userId(), now);
		jdbc.sql("""
				INSERT INTO case_evidence (id, case_id, entry_id, file_name, content_type, size_bytes, sha256, description, tlp,
				  storage_key, author_org, author_user, added_at)
				VALUES (:id, :case, :entry, :name, :type, :size, :sha, :description, :tlp, :key, :org, :user, :at)""")
			.param("id", id)
			.param("case", caseId.value())
			.param("entry", entryId)
			.param("name", evidence.fileName())
			.param("type", evidence.contentType())
			.param("size", size)
			.param("sha", sha256)
			.param("description", description)
			.param("tlp", tlp.name())
			.param("key", storageKey)
			.param("org", caller.organisationId().value())
			.param("user", caller.userId().value())
			.param("at", at(now))
			.update();
		custody(List.of(evidence), "ADDED", null, caller, now);
		audit.record(AuditEvent.of("evidence.added", "case_evidence", id).withDetail("case=" + caseId + " sha256=" + sha256));
		events.publishEvent(new CaseEntryAdded(caseId, CaseEntryAdded.EVIDENCE, id));
		return evidence;
	}

	/** The evidence of a case the caller may see (not other organisations' TLP:RED files). */
	List<Evidence> visible(CaseAccess.Access reader) {
		var condition = reader.entries("e");
		return jdbc.sql("SELECT * FROM case_evidence e WHERE e.case_id = :case AND " + condition.sql() + " ORDER BY e.added_at, e.id")
			.param("case", reader.file().id().value())
			.params(condition.parameters())
			.query(EvidenceLocker::evidence)
			.list();
	}

	/** One piece of evidence with its chain of custody; looking at it is itself logged as a view. */
	@Transactional
	public Evidence view(CallerContext caller, CaseId caseId, UUID evidenceId) {
		CaseAccess.Access reader = access.reader(caller, caseId);
		Evidence evidence = find(reader, evidenceId);
		custody(List.of(evidence), "VIEWED", null, caller, clock.instant());
		return evidence;
	}

	@Transactional(readOnly = true)
	public List<CustodyEvent> custodyOf(CallerContext caller, CaseId caseId, UUID evidenceId) {
		Evidence evidence = find(access.reader(caller, caseId), evidenceId);
		return jdbc.sql("SELECT * FROM custody_event WHERE evidence_id = :id ORDER BY id")
			.param("id", evidence.id())
			.query((rs, n) -> new CustodyEvent(rs.getString("action"), rs.getString("reason"),
					new OrganisationId(rs.getObject("actor_org", UUID.class)), new UserId(rs.getObject("actor_user", UUID.class)),
					instant(rs, "at")))
			.list();
	}

	/** Opens a file for download by a member, who says why; logged in the chain of custody and audited. */
	@Transactional
	public Download download(CallerContext caller, CaseId caseId, UUID evidenceId, @Nullable String reason) {
		CaseAccess.Access reader = access.reader(caller, caseId);
		if (!reader.isMember()) {
			throw new RecordNotFoundException("evidence");
		}
		String why = requireReason(reason);
		Evidence evidence = find(reader, evidenceId);
		custody(List.of(evidence), "DOWNLOADED", why, caller, clock.instant());
		audit.record(AuditEvent.of("evidence.downloaded", "case_evidence", evidence.id()).withDetail("case=" + caseId));
		try {
			return new Download(evidence, Files.newInputStream(pathOf(evidence)));
		}
		catch (IOException e) {
			throw new UncheckedIOException("evidence file missing: " + evidence.id(), e);
		}
	}

	static String requireReason(@Nullable String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 3 || why.length() > 500) {
			throw new InvalidRequestException("reason", "validation.custodyReason");
		}
		return why;
	}

	Path pathOf(Evidence evidence) {
		return directory.resolve(evidence.storageKey());
	}

	void custody(List<Evidence> evidence, String action, @Nullable String reason, CallerContext by, Instant at) {
		if (evidence.isEmpty()) {
			return;
		}
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

	private Evidence find(CaseAccess.Access reader, UUID evidenceId) {
		var condition = reader.entries("e");
		return jdbc.sql("SELECT * FROM case_evidence e WHERE e.id = :id AND e.case_id = :case AND " + condition.sql())
			.param("id", evidenceId)
			.param("case", reader.file().id().value())
			.params(condition.parameters())
			.query(EvidenceLocker::evidence)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("evidence"));
	}

	/** Reads an evidence row for the platform's own processing (indicator extraction). */
	java.util.Optional<Evidence> forProcessing(UUID evidenceId) {
		return jdbc.sql("SELECT * FROM case_evidence e WHERE e.id = :id").param("id", evidenceId)
			.query(EvidenceLocker::evidence).optional();
	}

	static Evidence evidence(ResultSet rs, int n) throws SQLException {
		return new Evidence(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
				rs.getObject("entry_id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("description"), Tlp.valueOf(rs.getString("tlp")),
				rs.getString("storage_key"), new OrganisationId(rs.getObject("author_org", UUID.class)),
				new UserId(rs.getObject("author_user", UUID.class)), instant(rs, "added_at"));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
