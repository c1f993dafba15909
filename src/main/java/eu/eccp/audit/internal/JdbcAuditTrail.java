package eu.eccp.audit.internal;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditRecord;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;

/**
 * Records entries in the action's own transaction (as pending entries, which takes no lock, so audited work
 * runs in parallel) and has {@link AuditChainer} link them into the hash chain right after it commits: a
 * rolled-back action leaves no entry, and the chain's sequence numbers stay gapless.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private final AuditRepository repository;
	private final Clock clock;
	private final AuditChainer chainer;

	JdbcAuditTrail(AuditRepository repository, Clock clock, AuditChainer chainer) {
		this.repository = repository;
		this.clock = clock;
		this.chainer = chainer;
	}

	@Override
	@Transactional
	public void record(AuditEvent event) {
		record(CallerContext.current().map(AuditActor::of).orElse(AuditActor.SYSTEM), event);
	}

	@Override
	@Transactional
	public void record(AuditActor actor, AuditEvent event) {
		recordAll(actor, List.of(event));
	}

	@Override
	@Transactional
	public void recordAll(AuditActor actor, List<AuditEvent> events) {
		String remote = remoteAddress();
		recordAll(events.stream().map(event -> new AuditRecord(actor, event, remote)).toList());
	}

	@Override
	@Transactional
	public void recordAll(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		repository.addPending(records, ChainHash.storedPrecision(clock.instant()));
		chainer.chainAfterCommit();
	}

	private static @Nullable String remoteAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return servlet.getRequest().getRemoteAddr();
		}
		return null;
	}

}
