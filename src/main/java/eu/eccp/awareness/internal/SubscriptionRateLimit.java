package eu.eccp.awareness.internal;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Subscription requests per client address ({@code eccp.awareness.subscriptions-per-hour}), with Bucket4j token
 * buckets kept in memory per node (Caffeine, bounded), so that nobody floods strangers' mailboxes with
 * confirmation requests.
 */
@Component
public class SubscriptionRateLimit {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	private final AwarenessProperties properties;

	SubscriptionRateLimit(AwarenessProperties properties) {
		this.properties = properties;
	}

	public boolean tryConsume(String client) {
		int perHour = Math.max(1, properties.subscriptionsPerHour());
		return buckets.get(client, key -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.build()).tryConsume(1);
	}
}
