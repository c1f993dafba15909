package eu.eccp.correlation.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.correlation.SharedIndicators;
import eu.eccp.shared.Tlp;

/**
 * Shareable indicators for sharing's agreements: which markings may leave their owner under an agreement's
 * ceiling, read from the sighting index by {@link SharedIndicatorRepository}, and the history of which indicators
 * gained sightings (written by every ingest, kept a day), so that a collection is brought up to date from what
 * changed.
 */
@Service
class SharedIndicatorQueries implements SharedIndicators {

	private final SharedIndicatorRepository repository;
	private final Clock clock;

	SharedIndicatorQueries(SharedIndicatorRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** The markings at or below the ceiling that may leave their owner under an agreement (never AMBER+STRICT, RED). */
	static List<String> allowedMarkings(Tlp ceiling) {
		return Arrays.stream(Tlp.values())
			.filter(t -> t != Tlp.RED && t != Tlp.AMBER_STRICT && t.ordinal() >= ceiling.ordinal())
			.map(Tlp::name)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Summary> page(Scope scope, long afterId, int limit) {
		List<String> markings = allowedMarkings(scope.ceiling());
		if (scope.owners().isEmpty() || scope.types().isEmpty() || markings.isEmpty()) {
			return List.of();
		}
		return repository.page(scope.owners().stream().map(o -> o.value()).toList(), markings, scope.types(), afterId,
				limit);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Summary> summaries(Scope scope, Collection<Long> indicatorIds) {
		List<String> markings = allowedMarkings(scope.ceiling());
		if (indicatorIds.isEmpty() || scope.owners().isEmpty() || scope.types().isEmpty() || markings.isEmpty()) {
			return List.of();
		}
		return repository.summaries(scope.owners().stream().map(o -> o.value()).toList(), markings, scope.types(),
				indicatorIds);
	}

	@Override
	public ChangeHorizon horizon() {
		return new ChangeHorizon(repository.horizon());
	}

	@Override
	public Changes changedSince(ChangeHorizon since) {
		return repository.changedSince(since.transaction());
	}

	/** Keeps the history of changes for {@link #CHANGES_KEPT} (every node may run it; deleting twice deletes nothing). */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldChanges() {
		repository.forgetChangesBefore(clock.instant().minus(CHANGES_KEPT));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Value> values(Collection<Long> indicatorIds) {
		return repository.values(indicatorIds);
	}
}
