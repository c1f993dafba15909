package eu.eccp.correlation;

import java.util.List;
import java.util.UUID;

/**
 * A hit as other modules see it: the caller's own record that matched, on which indicator, and which other
 * countries hold related records (never their content).
 */
public record HitSummary(UUID id, SourceRef record, String indicatorType, String indicatorValue,
		List<String> countries, long clusterId) {

	public HitSummary {
		countries = List.copyOf(countries);
	}
}
