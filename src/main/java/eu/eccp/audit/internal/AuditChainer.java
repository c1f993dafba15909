package eu.eccp.audit.internal;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Links pending audit entries into the hash chain, in order of their arrival, many per transaction. The
 * transaction that records an entry chains it right after it commits (so a request's entries are in the chain
 * before its answer leaves), unless a pass that started after that commit has already done it; the chainer's
 * own thread chains what other threads record, and every 5 seconds whatever a failed pass left. One pass at a time per node (a lock in memory, so waiting threads
 * hold no connection) and across nodes (the chain head's row lock, taken before pending entries are read), which
 * keeps sequence numbers gapless.
 */
@Component
class AuditChainer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
	private static final int PASS = 10_000;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ReentrantLock lock = new ReentrantLock();
	/** {@link System#nanoTime()} at which the last completed pass began reading pending entries. */
	private final ThreadLocal<Long> owedByRequest = new ThreadLocal<>();
	private final ReentrantLock signal = new ReentrantLock();
	private final java.util.concurrent.locks.Condition wakeUp = signal.newCondition();
	private boolean woken;
	private volatile boolean running;
	private @org.jspecify.annotations.Nullable Thread thread;
	private volatile long lastPassRead = System.nanoTime() - java.util.concurrent.TimeUnit.DAYS.toNanos(365);

	AuditChainer(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
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

	private void wake() {
		signal.lock();
		try {
			woken = true;
			wakeUp.signalAll();
		}
		finally {
			signal.unlock();
		}
	}

	@Override
	public void start() {
		running = true;
		Thread chainer = new Thread(() -> {
			while (running) {
				signal.lock();
				try {
					if (!woken) {
						wakeUp.await(5, java.util.concurrent.TimeUnit.SECONDS);
					}
					woken = false;
				}
				catch (InterruptedException e) {
					return;
				}
				finally {
					signal.unlock();
				}
				flush();
			}
		}, "audit-chainer");
		chainer.setDaemon(true);
		thread = chainer;
		chainer.start();
	}

	@Override
	public void stop() {
		running = false;
		wake();
		Thread chainer = thread;
		if (chainer != null) {
			try {
				chainer.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		flush();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the workers that record entries, before the database goes. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
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
			Object[] head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
				.single();
			long readAt = System.nanoTime();
			List<Pending> pending = jdbc.sql("SELECT * FROM audit_pending ORDER BY id LIMIT :n")
				.param("n", PASS)
				.query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
						rs.getObject("actor_user_id", UUID.class), rs.getString("actor_username"),
						rs.getObject("actor_org_id", UUID.class), rs.getString("action"), rs.getString("object_type"),
						rs.getString("object_id"), rs.getString("detail"), rs.getBoolean("personal_data"),
						rs.getString("remote_address")))
				.list();
			if (!pending.isEmpty()) {
				append(pending, (Long) head[0], (String) head[1]);
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

	private void append(List<Pending> pending, long lastSeq, String lastHash) {
		long seq = lastSeq;
		String previous = lastHash;
		int size = pending.size();
		Long[] seqs = new Long[size];
		Timestamp[] times = new Timestamp[size];
		UUID[] users = new UUID[size];
		String[] usernames = new String[size];
		UUID[] orgs = new UUID[size];
		String[] actions = new String[size];
		String[] types = new String[size];
		String[] ids = new String[size];
		String[] details = new String[size];
		Boolean[] personal = new Boolean[size];
		String[] remotes = new String[size];
		String[] prevs = new String[size];
		String[] hashes = new String[size];
		List<Long> chained = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			Pending p = pending.get(i);
			AuditEntry unhashed = new AuditEntry(++seq, p.at(), p.user(), p.username(), p.org(), p.action(), p.objectType(),
					p.objectId(), p.detail(), p.personal(), p.remote(), previous, "");
			String hash = ChainHash.of(unhashed);
			seqs[i] = seq;
			times[i] = Timestamp.from(p.at());
			users[i] = p.user();
			usernames[i] = p.username();
			orgs[i] = p.org();
			actions[i] = p.action();
			types[i] = p.objectType();
			ids[i] = p.objectId();
			details[i] = p.detail();
			personal[i] = p.personal();
			remotes[i] = p.remote();
			prevs[i] = previous;
			hashes[i] = hash;
			previous = hash;
			chained.add(p.id());
		}
		// the entries are appended and leave the pending list in one statement; the head moves in the next
		// (its trigger checks the newest entry, which a statement's own sub-statements cannot see yet)
		jdbc.sql("""
				WITH chained AS (DELETE FROM audit_pending WHERE id = ANY (:chained))
				INSERT INTO audit_entry (seq, occurred_at, actor_user_id, actor_username, actor_org_id, action,
				  object_type, object_id, detail, personal_data, remote_address, prev_hash, hash)
				SELECT * FROM unnest(CAST(:seqs AS bigint[]), CAST(:times AS timestamptz[]), CAST(:users AS uuid[]),
				  CAST(:usernames AS text[]), CAST(:orgs AS uuid[]), CAST(:actions AS text[]), CAST(:types AS text[]),
				  CAST(:ids AS text[]), CAST(:details AS text[]), CAST(:personal AS boolean[]), CAST(:remotes AS text[]),
				  CAST(:prevs AS text[]), CAST(:hashes AS text[]))""")
			.param("seqs", seqs)
			.param("times", times)
			.param("users", users)
			.param("usernames", usernames)
			.param("orgs", orgs)
			.param("actions", actions)
			.param("types", types)
			.param("ids", ids)
			.param("details", details)
			.param("personal", personal)
			.param("remotes", remotes)
			.param("prevs", prevs)
			.param("hashes", hashes)
			.param("chained", chained.toArray(Long[]::new))
			.update();
		jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
			.param("hash", previous)
			.update();
		log.debug("audit entries chained up to {}", seq);
	}

	/** An entry recorded but not yet chained. */
	private record Pending(long id, java.time.Instant at, UUID user, String username, UUID org, String action,
			String objectType, String objectId, String detail, boolean personal, String remote) {
	}
}
