package eu.eccp.reporting.internal;

import org.springframework.stereotype.Component;

import eu.eccp.shared.ClientRateLimits;

/**
 * Per-client (IP address) rate limits for reporting's public, unauthenticated endpoints, through the shared
 * {@link ClientRateLimits} (Bucket4j token buckets in a bounded Caffeine cache).
 */
@Component
class ClientRateLimiter {

	/** What is limited, each with its own buckets. */
	@eu.eccp.shared.Labelled(shown = false)
	enum Limit {
		PUBLIC_SUBMISSION, STATUS_LOOKUP
	}

	private final ClientRateLimits limits = new ClientRateLimits(200_000);

	private final ReportingProperties properties;

	ClientRateLimiter(ReportingProperties properties) {
		this.properties = properties;
	}

	/** Takes one token for the client; false when the client is over its limit. */
	boolean tryAcquire(Limit limit, String client) {
		int perHour = limit == Limit.PUBLIC_SUBMISSION ? properties.publicSubmissionsPerHour()
				: properties.statusLookupsPerHour();
		return limits.tryAcquire(limit.name(), client, perHour);
	}
}
