package eu.eccp.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the platform's background work ({@code eccp.background.*}).
 *
 * @param eventThreads threads that run module event listeners (notifications, e-mail, webhooks, case
 *        correlation); each holds at most two database connections while it works
 * @param eventQueue listener calls that may wait for a thread; past that the thread that published the
 *        event runs the listener itself (back-pressure instead of unbounded growth)
 * @param replayInterval how often event publications that failed or went stale (their node died) are
 *        resubmitted
 * @param replayBatch how many publications one replay resubmits at most
 * @param replayMaxBackoff the longest wait between two replays of the same publication (the wait doubles from
 *        30 seconds with each attempt)
 * @param stuckAfter after how many attempts a publication counts as stuck for administrators
 */
@ConfigurationProperties("eccp.background")
public record BackgroundWorkProperties(@DefaultValue("4") int eventThreads, @DefaultValue("10000") int eventQueue,
		@DefaultValue("30s") Duration replayInterval, @DefaultValue("100") int replayBatch,
		@DefaultValue("1h") Duration replayMaxBackoff, @DefaultValue("3") int stuckAfter) {

	public BackgroundWorkProperties {
		if (eventThreads < 1 || eventQueue < 1 || replayBatch < 1) {
			throw new IllegalArgumentException("eccp.background sizes must be at least 1");
		}
	}

	/** The wait before replaying a publication again after {@code attempts} attempts. */
	Duration backoff(int attempts) {
		Duration wait = Duration.ofSeconds(30).multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
		return wait.compareTo(replayMaxBackoff) > 0 ? replayMaxBackoff : wait;
	}
}
