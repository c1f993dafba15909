package eu.eccp.correlation.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.correlation.CrossBorderHitsFound;
import eu.eccp.correlation.HitAnnouncement;
import eu.eccp.correlation.IngestResult;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.shared.OrganisationId;

/**
 * {@link Sightings} as other modules call it: each batch in a transaction of its own, at most
 * {@code eccp.correlation.concurrent-ingests} at once (the turn is taken before a connection is), run again when
 * it lost a lock conflict; the correlation itself is {@link BatchCorrelation}'s, its statements
 * {@link CorrelationStatements}'.
 */
@Service
class CorrelationIngest implements Sightings {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CorrelationIngest.class);

	private final TransactionTemplate transactions;
	private final BatchCorrelation batches;
	private final CorrelationStatements statements;
	private final ApplicationEventPublisher events;
	private final Semaphore turns;

	CorrelationIngest(BatchCorrelation batches, CorrelationStatements statements, CorrelationProperties properties,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.batches = batches;
		this.statements = statements;
		this.events = events;
		this.turns = new Semaphore(properties.concurrentIngests(), true);
	}

	/**
	 * Records a batch in a transaction of its own. Two ingests that lock each other's value rows in a
	 * different order (possible only when both add sightings to records known before) make PostgreSQL abort
	 * one of them; it is then simply run again: recording is idempotent.
	 */
	@Override
	public IngestResult record(List<RecordSightings> batch, HitAnnouncement announcement) {
		if (batch.isEmpty()) {
			return new IngestResult(0, 0, 0, 0);
		}
		// the turn is taken before the transaction, so an ingest waiting for it holds no connection
		turns.acquireUninterruptibly();
		try {
			for (int attempt = 1;; attempt++) {
				try {
					return java.util.Objects.requireNonNull(transactions.execute(status -> batches.correlate(batch, announcement)));
				}
				catch (PessimisticLockingFailureException e) {
					if (attempt >= 5) {
						throw e;
					}
					log.info("correlation ingest of {} records lost a lock conflict, attempt {}", batch.size(), attempt);
				}
			}
		}
		finally {
			turns.release();
		}
	}

	@Override
	public int announce(String key) {
		return java.util.Objects.requireNonNull(transactions.execute(status -> {
			Map<UUID, List<UUID>> perOrganisation = statements.takeHeld(key);
			perOrganisation.forEach((org, ids) -> {
				Collections.sort(ids);
				events.publishEvent(new CrossBorderHitsFound(new OrganisationId(org), ids));
			});
			return perOrganisation.values().stream().mapToInt(List::size).sum();
		}));
	}
}
