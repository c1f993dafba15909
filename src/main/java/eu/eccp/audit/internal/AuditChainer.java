package eu.eccp.audit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.shared.NodeThread;


/**
 * Links pending audit entries into the hash chain, in order of their arrival, many per transaction. The
 * transaction that records an entry chains it right after it commits (so a request's entries are in the chain
 * before its answer leaves), unless a pass that started after that commit has already done it; the chainer's
 * own thread chains what other threads record, and every 5 seconds whatever a failed pass left. One pass at a time per node (a lock in memory, so waiting threads
 * hold no connection) and across nodes (the chain head's row lock, taken before pending entries are read), which
 * keeps sequence numbers gapless.
 */
@Component
class AuditChainer extends NodeThread {

	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
	private static final int PASS = 10_000;

	private final AuditRepository repository;
	private final TransactionTemplate transactions;
	private final ReentrantLock lock = new ReentrantLock();
	/** {@link System#nanoTime()} at which the last completed pass began reading pending entries. */
	private final ThreadLocal<Long> owedByRequest = new ThreadLocal<>();
	private volatile long lastPassRead = System.nanoTime() - java.util.concurrent.TimeUnit.DAYS.toNanos(365);

	AuditChainer(AuditRepository repository, PlatformTransactionManager transactionManager) {
		// stops after the workers that record entries, before the database goes
		super("audit-chainer", SmartLifecycle.DEFAULT_PHASE - 2048, Duration.ofSeconds(10));
		this.repository = repository;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Has the current transaction's entries chained once it has committed. A web request chains them itself at
	 * its very end, when it holds no connection any more ({@link AuditChainingFilter}), so its entries are in the
	 * chain before it answers; another thread chains them at once if no pass is running, else leaves them to
	 * the chainer's own thread, woken at once.
	 */
	void chainAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			owe();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				owe();
			}
		});
	}

	private void owe() {
		org.springframework.web.context.request.RequestAttributes request =
				org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(AuditChainingFilter.CHAINS_AT_END,
				org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST) != null) {
			owedByRequest.set(System.nanoTime());
		}
		else if (lock.tryLock()) {
			// a thread outside a web request chains now, unless another pass runs: then the chainer's thread does
			// (so at most one thread here waits for a second connection, and nobody waits holding one)
			try {
				chainCommittedBefore(System.nanoTime());
			}
			finally {
				lock.unlock();
			}
		}
		else {
			wake();
		}
	}

	/** Called at the end of a web request: chains what its transactions recorded, if a pass has not yet. */
	void chainWhatThisRequestOwes() {
		Long owed = owedByRequest.get();
		if (owed != null) {
			owedByRequest.remove();
			chainCommittedBefore(owed);
		}
	}

	/** The chainer's own thread: chains what other threads recorded when woken, and every 5 seconds what is left. */
	@Override
	protected void work() {
		while (running()) {
			pause(Duration.ofSeconds(5), true);
			flush();
		}
	}

	/** What the thread left is chained by the one stopping it. */
	@Override
	protected void afterStop() {
		flush();
	}

	/** Chains every entry committed before {@code committedAt} (a nanoTime), if no pass has done so yet. */
	void chainCommittedBefore(long committedAt) {
		if (lastPassRead - committedAt > 0) {
			return;
		}
		lock.lock();
		try {
			while (lastPassRead - committedAt <= 0) {
				if (pass() < PASS) {
					break;
				}
			}
		}
		catch (RuntimeException e) {
			// the entries stay pending and are chained by the next pass or the sweep; the action itself is done
			log.warn("audit entries could not be chained now: {}", e.getClass().getName());
		}
		finally {
			lock.unlock();
		}
	}

	/** Chains everything pending now, e.g. before the trail is read or verified. */
	void flush() {
		chainCommittedBefore(System.nanoTime());
	}

	/** One transaction: up to {@value #PASS} pending entries appended to the chain; returns how many. */
	private int pass() {
		return Objects.requireNonNull(transactions.execute(status -> {
			// the head's row lock is the pass's lock across nodes; pending entries are read only once it is held
			AuditRepository.ChainHead head = repository.lockHead();
			long readAt = System.nanoTime();
			List<AuditRepository.Pending> pending = repository.pending(PASS);
			if (!pending.isEmpty()) {
				append(pending, head);
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					lastPassRead = readAt;
				}
			});
			return pending.size();
		}));
	}

	private void append(List<AuditRepository.Pending> pending, AuditRepository.ChainHead head) {
		long seq = head.seq();
		String previous = head.hash();
		List<AuditEntry> entries = new ArrayList<>(pending.size());
		List<Long> chained = new ArrayList<>(pending.size());
		for (AuditRepository.Pending p : pending) {
			AuditEntry unhashed = new AuditEntry(++seq, p.at(), p.user(), p.username(), p.org(), p.action(), p.objectType(),
					p.objectId(), p.detail(), p.personal(), p.remote(), previous, "");
			AuditEntry entry = unhashed.withHash(ChainHash.of(unhashed));
			entries.add(entry);
			previous = entry.hash();
			chained.add(p.id());
		}
		repository.append(entries, chained);
		repository.moveHead(seq, previous);
		log.debug("audit entries chained up to {}", seq);
	}
}
