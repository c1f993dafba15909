package eu.eccp.statistics.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import eu.eccp.contactpoints.RequestFigures;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Role;
import eu.eccp.takedown.RemovalFigures;

/**
 * Takedown's time to removal (median, 90th percentile) by hosting country and category, and the time urgent requests
 * take to be acknowledged and fulfilled by kind and countries, as their modules publish them, under disclosure
 * control: a group of fewer items or requests than the threshold shows neither its count nor its times (no totals
 * are shown, so nothing else is needed). A national unit sees the groups of its own country.
 */
@Service
public class TimeFigures {

	private final RemovalFigures removals;
	private final RequestFigures requests;
	private final StatisticsProperties properties;

	TimeFigures(RemovalFigures removals, RequestFigures requests, StatisticsProperties properties) {
		this.removals = removals;
		this.requests = requests;
		this.properties = properties;
	}

	public record Removal(String hostingCountry, String category, boolean suppressed, @Nullable Long removed,
			@Nullable Long open, @Nullable Double medianMinutes, @Nullable Double p90Minutes) {

		/** A group too small to publish: only its keys are shown. */
		static Removal suppressed(String hostingCountry, String category) {
			return new Removal(hostingCountry, category, true, null, null, null, null);
		}
	}

	public record Request(String kind, String requestingCountry, String requestedCountry, boolean suppressed,
			@Nullable Long requests, @Nullable Double medianMinutesToAcknowledge, @Nullable Double p90MinutesToAcknowledge,
			@Nullable Long fulfilled, @Nullable Double medianMinutesToFulfil, @Nullable Double p90MinutesToFulfil) {

		/** A group too small to publish: only its keys are shown. */
		static Request suppressed(String kind, String requestingCountry, String requestedCountry) {
			return new Request(kind, requestingCountry, requestedCountry, true, null, null, null, null, null, null);
		}
	}

	public List<Removal> removals(CallerContext caller) {
		String only = ownCountryOnly(caller);
		int k = properties.threshold();
		return removals.byHostingCountryAndCategory().stream()
			.filter(g -> only == null || only.equals(g.hostingCountry()))
			.map(g -> g.removed() + g.open() < k
					? Removal.suppressed(g.hostingCountry(), g.category())
					: new Removal(g.hostingCountry(), g.category(), false, g.removed(), g.open(),
							g.removed() < k ? null : g.medianMinutes(), g.removed() < k ? null : g.p90Minutes()))
			.toList();
	}

	public List<Request> requests(CallerContext caller) {
		String only = ownCountryOnly(caller);
		int k = properties.threshold();
		return requests.byKindAndCountries().stream()
			.filter(g -> only == null || only.equals(g.requestingCountry()) || only.equals(g.requestedCountry()))
			.map(g -> g.requests() < k
					? Request.suppressed(g.kind().name(), g.requestingCountry(), g.requestedCountry())
					: new Request(g.kind().name(), g.requestingCountry(), g.requestedCountry(), false, g.requests(),
							g.acknowledged() < k ? null : g.medianMinutesToAcknowledge(),
							g.acknowledged() < k ? null : g.p90MinutesToAcknowledge(), g.fulfilled(),
							g.fulfilled() < k ? null : g.medianMinutesToFulfil(),
							g.fulfilled() < k ? null : g.p90MinutesToFulfil()))
			.toList();
	}

	private static @Nullable String ownCountryOnly(CallerContext caller) {
		if (caller.has(Role.STATISTICIAN) || caller.has(Role.COORDINATOR)) {
			return null;
		}
		if (caller.has(Role.ANALYST)) {
			return caller.country().value();
		}
		throw new org.springframework.security.access.AccessDeniedException("statistics are for statistical roles");
	}
}
