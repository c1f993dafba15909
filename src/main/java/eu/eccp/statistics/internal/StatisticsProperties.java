package eu.eccp.statistics.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the statistics module ({@code eccp.statistics.*}).
 *
 * @param threshold disclosure control: counts from 1 to {@code threshold - 1} are suppressed (with secondary
 *        suppression so that no total gives them away)
 * @param exchangeRatesFile a CSV of reference rates replacing the shipped ECB table (same layout)
 * @param populationFile a CSV of population figures replacing the shipped Eurostat table (same layout)
 * @param clusterSyncInterval how often the clusters of reports are read from correlation (incidents)
 * @param clusterSyncMargin how far back each read starts again, longer than any correlation transaction
 * @param batchSize reports or cluster memberships handled per transaction by the background jobs
 */
@ConfigurationProperties("eccp.statistics")
public record StatisticsProperties(@DefaultValue("5") int threshold, @Nullable Path exchangeRatesFile,
		@Nullable Path populationFile, @DefaultValue("1m") Duration clusterSyncInterval,
		@DefaultValue("2m") Duration clusterSyncMargin, @DefaultValue("2000") int batchSize) {

	public StatisticsProperties {
		if (threshold < 1) {
			throw new IllegalArgumentException("eccp.statistics.threshold must be at least 1");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("eccp.statistics.batch-size must be at least 1");
		}
	}
}
