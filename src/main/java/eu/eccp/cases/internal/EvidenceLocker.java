package eu.eccp.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
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

	private final EvidenceRepository repository;
	private final CaseAccess access;
	private final CaseRepository cases;
	private final CaseTimeline timeline;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final CasesProperties properties;
	private final Clock clock;
	private final Path directory;

	EvidenceLocker(EvidenceRepository repository, CaseAccess access, CaseRepository cases, CaseTimeline timeline, AuditTrail audit,
			ApplicationEventPublisher events, CasesProperties properties, Clock clock,
			@Value("${eccp.data-dir:./data}") Path dataDir) {
		this.repository = repository;
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
		repository.insert(evidence);
		custody(List.of(evidence), "ADDED", null, caller, now);
		audit.record(AuditEvent.of("evidence.added", "case_evidence", id).withDetail("case=" + caseId + " sha256=" + sha256));
		events.publishEvent(new CaseEntryAdded(caseId, CaseEntryAdded.EVIDENCE, id));
		return evidence;
	}

	/** The evidence of a case the caller may see (not other organisations' TLP:RED files). */
	List<Evidence> visible(CaseAccess.Access reader) {
		return repository.ofCase(reader.file().id(), reader.entries("e"));
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
		return repository.custodyOf(evidence.id());
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
		repository.custody(evidence, action, reason, by, at);
	}

	private Evidence find(CaseAccess.Access reader, UUID evidenceId) {
		return repository.find(reader.file().id(), evidenceId, reader.entries("e"))
			.orElseThrow(() -> new RecordNotFoundException("evidence"));
	}

	/** Reads an evidence row for the platform's own processing (indicator extraction). */
	java.util.Optional<Evidence> forProcessing(UUID evidenceId) {
		return repository.findForProcessing(evidenceId);
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
