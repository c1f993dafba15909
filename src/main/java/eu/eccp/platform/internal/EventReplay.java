package eu.eccp.platform.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import eu.eccp.shared.ClusterLock;

/**
 * Replays module events whose listener failed, or whose processing went stale (the node running it died): the
 * event publication registry marks those failed after {@code spring.modulith.events.staleness.*}, and this
 * resubmits them, a bounded batch at a time with a growing wait per publication, until they complete. It
 * replaces Modulith's replay of everything at start-up, which ran hundreds of listeners at once and could fail
 * the start. One node replays at a time (a PostgreSQL advisory lock), so two nodes never resubmit one event.
 */
@Component
public class EventReplay {

	private static final Logger log = LoggerFactory.getLogger(EventReplay.class);

	private final FailedEventPublications failed;
	private final ClusterLock cluster;
	private final EventPublicationRepository publications;
	private final BackgroundWorkProperties properties;
	private final Clock clock;

	EventReplay(FailedEventPublications failed, ClusterLock cluster, EventPublicationRepository publications,
			BackgroundWorkProperties properties, Clock clock) {
		this.failed = failed;
		this.cluster = cluster;
		this.publications = publications;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${eccp.background.replay-interval:30s}",
			fixedDelayString = "${eccp.background.replay-interval:30s}")
	void replay() {
		try {
			cluster.runExclusively("event-replay", () -> {
				Instant now = clock.instant();
				failed.resubmit(ResubmissionOptions.defaults()
					.withBatchSize(properties.replayBatch())
					.withMaxInFlight(properties.eventThreads())
					.withFilter(publication -> due(publication, now)));
			});
		}
		catch (RuntimeException e) {
			log.warn("event replay did not run this time: {}", e.toString());
		}
	}

	private boolean due(EventPublication publication, Instant now) {
		Instant last = publication.getLastResubmissionDate();
		return last == null || !last.plus(properties.backoff(publication.getCompletionAttempts())).isAfter(now);
	}

	/** Incomplete publications, and how many of them have been tried {@code stuck-after} times or more. */
	public EventBacklog backlog() {
		return publications.backlog(properties.stuckAfter());
	}

	/** Module events not yet handled, and those that keep failing. */
	public record EventBacklog(long incomplete, long stuck) {
	}
}
