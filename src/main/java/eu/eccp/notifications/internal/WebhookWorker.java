package eu.eccp.notifications.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued webhook deliveries: right after the transaction that queued them commits, and on a schedule
 * for those that are due again. A run claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and leases
 * them (moves their next attempt past the timeouts) before sending, so several workers or instances never
 * send one delivery twice at once, and no database lock is held while a receiver answers. A network error,
 * a timeout or an answer other than 2xx is retried with exponential backoff until
 * {@code eccp.notifications.webhooks.max-attempts}; every attempt is logged in {@code webhook_attempt}.
 *
 * <p>Deliveries are sent by {@link WebhookSender}, which connects only to addresses it checked.
 */
@Component
public class WebhookWorker {

	private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

	private final WebhookRepository webhooks;
	private final TransactionTemplate transaction;
	/** Runs the immediate attempts off the committing thread; the worker's own, not the application's. */
	private final ExecutorService executor;
	private final NotificationsProperties.Webhooks options;
	private final WebhookSender sender;
	private final Clock clock;

	WebhookWorker(WebhookRepository webhooks, PlatformTransactionManager transactions, NotificationsProperties properties, Clock clock) {
		this.webhooks = webhooks;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(2, runnable -> {
			Thread thread = new Thread(runnable, "webhook-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.options = properties.webhooks();
		this.sender = new WebhookSender(options, InetAddress::getAllByName);
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
		sender.close();
	}

	@Scheduled(fixedDelayString = "${eccp.notifications.webhooks.poll-interval:PT5S}",
			initialDelayString = "${eccp.notifications.webhooks.poll-interval:PT5S}")
	void poll() {
		try {
			runDue();
		}
		catch (RuntimeException e) {
			log.warn("webhook worker run failed: {}", e.toString());
		}
	}

	/** Sends every delivery that is due now (one batch); returns how many were attempted. */
	public int runDue() {
		List<WebhookRepository.Claimed> claimed = claim(null);
		claimed.forEach(this::attempt);
		return claimed.size();
	}

	/** Attempts the given deliveries once the current transaction commits (at once without one), off this thread. */
	void attemptAfterCommit(List<UUID> deliveries) {
		if (deliveries.isEmpty()) {
			return;
		}
		Runnable attempt = () -> executor.execute(() -> {
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
			try {
				claim(deliveries).forEach(this::attempt);
			}
			catch (RuntimeException e) {
				log.warn("immediate webhook attempt failed: {}", e.toString());
			}
		});
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					attempt.run();
				}
			});
		}
		else {
			attempt.run();
		}
	}

	private List<WebhookRepository.Claimed> claim(@Nullable List<UUID> only) {
		return transaction.execute(status -> {
			Instant now = clock.instant();
			Instant lease = now.plus(options.connectTimeout()).plus(options.readTimeout()).plusSeconds(30);
			return webhooks.claimDue(only, now, options.batchSize(), lease);
		});
	}

	private void attempt(WebhookRepository.Claimed delivery) {
		Instant started = clock.instant();
		long timestamp = started.getEpochSecond();
		Integer statusCode = null;
		String error = null;
		long t0 = System.nanoTime();
		try {
			statusCode = sender.send(URI.create(delivery.url()), Map.of("X-ECCP-Event", delivery.topic(),
					"X-ECCP-Delivery", delivery.id().toString(), "X-ECCP-Timestamp", Long.toString(timestamp),
					"X-ECCP-Signature", WebhookSignature.sign(delivery.secret(), timestamp, delivery.payload())),
					delivery.payload());
			if (statusCode < 200 || statusCode > 299) {
				error = "HTTP " + statusCode;
			}
		}
		catch (SocketTimeoutException e) {
			error = "timeout: " + e.getMessage();
		}
		catch (IOException e) {
			error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		}
		catch (IllegalArgumentException e) {
			error = "invalid request: " + e.getMessage();
		}
		long durationMs = (System.nanoTime() - t0) / 1_000_000;
		record(delivery, statusCode, error, durationMs);
	}

	private void record(WebhookRepository.Claimed delivery, @Nullable Integer statusCode, @Nullable String error, long durationMs) {
		Instant now = clock.instant();
		int attempts = delivery.attempts() + 1;
		boolean succeeded = error == null;
		boolean givingUp = !succeeded && attempts >= options.maxAttempts();
		Instant next = succeeded || givingUp ? null : now.plus(options.backoff(attempts));
		String status = succeeded ? "SUCCEEDED" : givingUp ? "FAILED" : "PENDING";
		WebhookRepository.Attempt attempt = new WebhookRepository.Attempt(delivery.id(), now, statusCode,
				error == null ? null : PublicUrl.shorten(error, 500), durationMs, succeeded, attempts, status, next);
		transaction.executeWithoutResult(tx -> webhooks.recordAttempt(attempt));
		if (succeeded) {
			log.info("webhook delivery {} to endpoint {} succeeded (attempt {})", delivery.id(), delivery.endpointId(), attempts);
		}
		else {
			log.warn("webhook delivery {} to endpoint {} failed (attempt {}{}): {}", delivery.id(), delivery.endpointId(),
					attempts, givingUp ? ", giving up" : "", error);
		}
	}
}
