package eu.eccp.reporting.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of report processing and bulk imports ({@code eccp.reporting.processing.*}).
 *
 * @param batchSize how many queued reports the processing worker extracts and correlates at a time
 * @param pollInterval how often the worker looks for due work when nothing woke it (a report stored on this
 *        node wakes it at once)
 * @param lease how long a claim on queued reports or on a running import lasts; a node that dies leaves its
 *        claims to be taken over after this long (running work renews its claims)
 * @param maxBackoff the longest wait before a report whose processing failed is tried again (the wait doubles
 *        from 10 seconds with each failure)
 * @param failingAfter after how many failed attempts a queued report counts as failing for the administrators
 * @param importChunk rows of a bulk import stored, extracted and correlated together
 * @param queuedImports how many bulk imports may wait for their turn on a node (imports run one at a time)
 * @param watchInterval how often a node renews the leases of its imports and looks for interrupted imports to
 *        resume (keep it well under {@code lease})
 * @param gather how long the worker lets reports gather after a batch that did not fill up, before it claims the
 *        next one: a report arriving when the worker is idle is processed at once, but under a steady stream the
 *        fixed costs of a batch (its transactions, its events for statistics and notifications) are shared by
 *        what arrived in this time instead of being paid every few reports; {@code 0s} turns it off
 */
@ConfigurationProperties("eccp.reporting.processing")
public record ReportProcessingProperties(@DefaultValue("500") int batchSize, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("60s") Duration lease, @DefaultValue("1h") Duration maxBackoff, @DefaultValue("3") int failingAfter,
		@DefaultValue("1000") int importChunk, @DefaultValue("100") int queuedImports,
		@DefaultValue("20s") Duration watchInterval, @DefaultValue("200ms") Duration gather) {

	public ReportProcessingProperties {
		if (batchSize < 1 || importChunk < 1 || queuedImports < 1) {
			throw new IllegalArgumentException("eccp.reporting.processing sizes must be at least 1");
		}
		if (gather.isNegative() || gather.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new IllegalArgumentException("eccp.reporting.processing.gather must be between 0s and 10s");
		}
		if (watchInterval.compareTo(lease) >= 0) {
			throw new IllegalArgumentException("eccp.reporting.processing.watch-interval must be shorter than the lease");
		}
	}

	/** The wait before attempt {@code attempts + 1}: 10 s, 20 s, 40 s… up to {@code maxBackoff}. */
	Duration backoff(int attempts) {
		Duration wait = Duration.ofSeconds(10).multipliedBy(1L << Math.min(20, Math.max(0, attempts)));
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}
}
