package eu.eccp.correlation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which cluster each report belongs to, for counting linked reports as one incident: only report ids and cluster
 * numbers, never an indicator or an owner. A report's cluster changes when clusters merge; every record of a
 * cluster created or merged at {@code t} is listed with {@code changedAt = t}.
 */
public interface ReportClusters {

	/** A report's cluster as of {@code changedAt}; {@code position} orders memberships with the same time. */
	record Membership(UUID reportId, long clusterId, Instant changedAt, long position) {
	}

	/**
	 * Up to {@code limit} memberships of reports whose cluster changed after ({@code since}, {@code afterPosition}),
	 * in that order.
	 */
	List<Membership> changedAfter(Instant since, long afterPosition, int limit);

	/** The clusters of those reports that correlation knows already. */
	Map<UUID, Long> clustersOf(Collection<UUID> reportIds);
}
