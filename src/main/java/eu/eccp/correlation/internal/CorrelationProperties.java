package eu.eccp.correlation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of correlation ({@code eccp.correlation.*}).
 *
 * @param maxSourcesToLink an indicator seen in more distinct records than this (a shared hosting IP, a
 *        popular webmail domain) no longer links records; it is shown as "too common to correlate"
 * @param maxLookupValues how many values one bulk lookup may ask about
 * @param concurrentIngests how many ingests of this node may run at once; a further one waits for its turn
 *        before it takes a database connection, so waiting ingests never hold the connection pool (two
 *        overlap well: one writes its sightings while the other links under the lock)
 * @param maxSightingsShown how many of a value's records the pivot and the lookup list at most, for its exact
 *        sightings and apart for its related ones (the most recently correlated; the counts per country still
 *        take in every record), so that a value very many records carry answers as fast as a rare one
 */
@ConfigurationProperties("eccp.correlation")
public record CorrelationProperties(@DefaultValue("50") int maxSourcesToLink,
		@DefaultValue("10000") int maxLookupValues, @DefaultValue("2") int concurrentIngests,
		@DefaultValue("100") int maxSightingsShown) {

	public CorrelationProperties {
		if (maxSightingsShown < 1) {
			throw new IllegalArgumentException("eccp.correlation.max-sightings-shown must be at least 1");
		}
		if (concurrentIngests < 1) {
			throw new IllegalArgumentException("eccp.correlation.concurrent-ingests must be at least 1");
		}
	}
}
