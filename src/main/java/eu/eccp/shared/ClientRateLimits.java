package eu.eccp.shared;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Per-client (IP address) hourly limits for public, unauthenticated forms and endpoints: one Bucket4j token
 * bucket per limit and client, refilled greedily over the hour, held in a bounded Caffeine cache (a flood of
 * addresses cannot exhaust memory: at most {@code maxClients} buckets, each dropped two hours after its last use).
 * A module keeps one instance per node; callers answer {@link TooManyRequestsException} (429) when
 * {@link #tryAcquire} says no.
 */
public final class ClientRateLimits {

	private final Cache<String, Bucket> buckets;

	public ClientRateLimits(long maxClients) {
		this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(Duration.ofHours(2)).build();
	}

	/** Takes one token of the named limit for the client; false when the client has used its {@code perHour}. */
	public boolean tryAcquire(String limit, String client, int perHour) {
		Bucket bucket = buckets.get(limit + "|" + client, key -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.build());
		return bucket.tryConsume(1);
	}

	/** As {@link #tryAcquire}, throwing {@link TooManyRequestsException} when over the limit. */
	public void acquire(String limit, String client, int perHour) {
		if (!tryAcquire(limit, client, perHour)) {
			throw new TooManyRequestsException();
		}
	}
}
