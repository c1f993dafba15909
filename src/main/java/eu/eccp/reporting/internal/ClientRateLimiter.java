package eu.eccp.reporting.internal;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Per-client (IP address) rate limits for the public, unauthenticated endpoints, with Bucket4j token
 * buckets held in a bounded Caffeine cache (so a flood of addresses cannot exhaust memory).
 */
@Component
class ClientRateLimiter {

	/** What is limited, each with its own buckets. */
	@eu.eccp.shared.Labelled(shown = false)
	enum Limit {
		PUBLIC_SUBMISSION, STATUS_LOOKUP
	}

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	private final ReportingProperties properties;

	ClientRateLimiter(ReportingProperties properties) {
		this.properties = properties;
	}

	/** Takes one token for the client; false when the client is over its limit. */
	boolean tryAcquire(Limit limit, String client) {
		int perHour = limit == Limit.PUBLIC_SUBMISSION ? properties.publicSubmissionsPerHour()
				: properties.statusLookupsPerHour();
		Bucket bucket = buckets.get(limit + "|" + client, key -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.build());
		return bucket.tryConsume(1);
	}
}
