package eu.eccp.correlation.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.correlation.SharedIndicators;
import eu.eccp.shared.Tlp;

/**
 * Shareable indicators for sharing's agreements: which markings may leave their owner under an agreement's
 * ceiling, read from the sighting index by {@link SharedIndicatorRepository}.
 */
@Service
class SharedIndicatorQueries implements SharedIndicators {

	private final SharedIndicatorRepository repository;

	SharedIndicatorQueries(SharedIndicatorRepository repository) {
		this.repository = repository;
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
	public Map<Long, Value> values(Collection<Long> indicatorIds) {
		return repository.values(indicatorIds);
	}
}
