package eu.eccp.audit.internal;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Role;
import eu.eccp.shared.Visibility;

/**
 * Reading the audit trail (auditors and data-protection officers only) and verifying its chain.
 * An auditor sees the entries of their own organisation's people; the platform operator's auditors see all.
 */
@Service
public class AuditLog {

	private final AuditRepository repository;
	private final AuditTrail trail;
	private final AuditCheckpoints checkpoints;
	private final AuditChainer chainer;

	AuditLog(AuditRepository repository, AuditTrail trail, AuditCheckpoints checkpoints, AuditChainer chainer) {
		this.checkpoints = checkpoints;
		this.chainer = chainer;
		this.repository = repository;
		this.trail = trail;
	}

	@Transactional
	public Page<AuditEntry> search(CallerContext caller, AuditQuery query, PageRequest page) {
		caller.requireAny(Role.AUDITOR);
		chainer.flush();
		Page<AuditEntry> result = repository.search(Visibility.of(caller).ownedBy("actor_org_id"), query, page);
		trail.record(AuditEvent.of("audit.searched", "audit_trail", null).withDetail("results=" + result.total())
			.personal());
		return result;
	}

	/**
	 * Checks the whole chain, streaming it in order, and then against the signed checkpoints in the platform's
	 * checkpoint file; reports the first broken link.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return verify(checkpoints.read());
	}

	/** Checks the chain against the checkpoints of the given file (e.g. a copy kept outside the platform). */
	@Transactional(readOnly = true)
	public ChainVerification verify(Path checkpointFile) {
		return verify(checkpoints.read(checkpointFile));
	}

	private ChainVerification verify(AuditCheckpoints.Reading anchors) {
		chainer.flush();
		Map<Long, AuditCheckpoints.Checkpoint> bySeq = new HashMap<>();
		anchors.valid().forEach(c -> bySeq.putIfAbsent(c.seq(), c));
		long anchored = anchors.valid().size();
		Verifier verifier = new Verifier(bySeq, anchored);
		repository.streamInOrder(verifier::accept);
		if (verifier.result != null) {
			return verifier.result;
		}
		AuditRepository.ChainHead head = repository.head();
		long headSeq = head.seq();
		if (headSeq != verifier.lastSeq) {
			return ChainVerification.broken(verifier.checked, Math.min(headSeq, verifier.lastSeq) + 1,
					"entries after " + verifier.lastSeq + " are missing: the chain's head says " + headSeq, anchored);
		}
		if (!head.hash().equals(verifier.lastHash)) {
			return ChainVerification.broken(verifier.checked, verifier.lastSeq,
					"the last entry does not match the chain's head", anchored);
		}
		Optional<AuditCheckpoints.Checkpoint> newest = anchors.valid().stream()
			.max(Comparator.comparingLong(AuditCheckpoints.Checkpoint::seq));
		if (newest.isPresent() && newest.get().seq() > verifier.lastSeq) {
			return ChainVerification.broken(verifier.checked, verifier.lastSeq + 1, "entries after " + verifier.lastSeq
					+ " are missing: the signed checkpoint of " + newest.get().at() + " names entry " + newest.get().seq(),
					anchored);
		}
		if (anchors.flaw() != null) {
			return ChainVerification.broken(verifier.checked, anchors.flaw().seq(), anchors.flaw().problem(), anchored);
		}
		return ChainVerification.ok(verifier.checked, anchored);
	}

	private static final class Verifier {

		final Map<Long, AuditCheckpoints.Checkpoint> anchors;
		final long anchored;
		long checked;
		long lastSeq;
		String lastHash = ChainHash.GENESIS;
		ChainVerification result;

		Verifier(Map<Long, AuditCheckpoints.Checkpoint> anchors, long anchored) {
			this.anchors = anchors;
			this.anchored = anchored;
		}

		void accept(AuditEntry entry) {
			if (result != null) {
				return;
			}
			checked++;
			if (entry.seq() != lastSeq + 1) {
				result = ChainVerification.broken(checked, lastSeq + 1,
						"entry " + (lastSeq + 1) + " is missing (next present is " + entry.seq() + ")", anchored);
				return;
			}
			if (!entry.previousHash().equals(lastHash)) {
				result = ChainVerification.broken(checked, entry.seq(),
						"entry " + entry.seq() + " does not link to the entry before it", anchored);
				return;
			}
			if (!ChainHash.of(entry).equals(entry.hash())) {
				result = ChainVerification.broken(checked, entry.seq(), "entry " + entry.seq() + " was altered", anchored);
				return;
			}
			AuditCheckpoints.Checkpoint anchor = anchors.get(entry.seq());
			if (anchor != null && !anchor.hash().equals(entry.hash())) {
				result = ChainVerification.broken(checked, entry.seq(), "entry " + entry.seq()
						+ " is not the one the signed checkpoint of " + anchor.at() + " names", anchored);
				return;
			}
			lastSeq = entry.seq();
			lastHash = entry.hash();
		}
	}
}
