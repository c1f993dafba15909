package eu.eccp.blocklist.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.blocklist.RemovalCheck;

/**
 * Re-checks every published entry's content ({@code check-interval}, daily by default) through the
 * {@link RemovalCheck} (the hosting module's prober once the lead wires it in) and expires an entry whose
 * content was gone at {@code gone-checks} checks in a row (3), or that no check has found online for
 * {@code max-unconfirmed} (so without a working check entries still expire). Bounded: one scheduler thread,
 * at most {@code check-batch} entries per run, claimed in the database with a lease (their next check moved
 * past {@code check-lease}), so several nodes share the work and entries a node died with are checked again
 * after the lease; a restart finishes what a crash interrupted.
 */
@Component
public class ExpiryWatch {

	private static final Logger log = LoggerFactory.getLogger(ExpiryWatch.class);

	private final EntryRepository entries;

	private final BlockListEntries lifecycle;

	private final ObjectProvider<RemovalCheck> checks;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final BlockListProperties properties;

	private final boolean commandLine;

	private boolean warnedNoCheck;

	ExpiryWatch(EntryRepository entries, BlockListEntries lifecycle, ObjectProvider<RemovalCheck> checks,
			TransactionTemplate transactions, Clock clock, BlockListProperties properties,
			@Value("${eccp.command-line:false}") boolean commandLine) {
		this.commandLine = commandLine;
		this.entries = entries;
		this.lifecycle = lifecycle;
		this.checks = checks;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${eccp.blocklist.check-poll-interval:1m}",
			fixedDelayString = "${eccp.blocklist.check-poll-interval:1m}")
	void run() {
		if (commandLine) {
			return;
		}
		try {
			while (runOnce() == properties.checkBatch()) {
				// a full batch: more may be due
			}
		}
		catch (RuntimeException e) {
			log.warn("block-list expiry watch failed; tried again next run", e);
		}
	}

	/** Checks one batch of due entries; returns how many it claimed. */
	public int runOnce() {
		Instant now = clock.instant();
		List<EntryRepository.DueCheck> due = transactions.execute(
				tx -> entries.claimDueChecks(now, now.plus(properties.checkLease()), properties.checkBatch()));
		RemovalCheck check = checks.getIfAvailable();
		if (check == null && !warnedNoCheck && due != null && !due.isEmpty()) {
			warnedNoCheck = true;
			log.warn("no removal check is configured: block-list entries expire after {} without confirmation",
					properties.maxUnconfirmed());
		}
		for (EntryRepository.DueCheck entry : due == null ? List.<EntryRepository.DueCheck>of() : due) {
			RemovalCheck.Result result;
			try {
				result = check == null ? RemovalCheck.Result.UNKNOWN : check.check(entry.url());
			}
			catch (RuntimeException e) {
				log.warn("removal check of block-list entry {} failed: {}", entry.id(), e.toString());
				result = RemovalCheck.Result.UNKNOWN;
			}
			RemovalCheck.Result outcome = result;
			transactions.executeWithoutResult(tx -> record(entry, outcome));
		}
		return due == null ? 0 : due.size();
	}

	private void record(EntryRepository.DueCheck entry, RemovalCheck.Result result) {
		Instant at = clock.instant();
		int gone = entries.recordCheck(entry.id(), result == RemovalCheck.Result.ONLINE,
				result == RemovalCheck.Result.GONE, at, at.plus(properties.checkInterval()));
		if (gone >= properties.goneChecks()) {
			lifecycle.expire(entry.id(), "gone at " + gone + " checks in a row");
			log.info("block-list entry {} expired: content gone at {} checks", entry.id(), gone);
			return;
		}
		Instant lastOnline = entries.lastSeenOnline(entry.id()).orElse(null);
		if (lastOnline != null && lastOnline.plus(properties.maxUnconfirmed()).isBefore(at)) {
			lifecycle.expire(entry.id(), "not confirmed online since " + lastOnline);
		}
	}
}
