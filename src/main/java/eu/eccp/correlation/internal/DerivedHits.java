package eu.eccp.correlation.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a batch's derived hits only where they tell a unit something. Every record carrying a URL also carries
 * its host and registrable domain, so when a record's URL hit and its host hit have the same number of
 * carriers, they name the same records: the host hit (and the domain hit) would only repeat it. A derived hit
 * stays when its value has carriers the stronger one has not (another path on the same domain, another
 * sub-domain, another address in the range).
 */
final class DerivedHits {

	private DerivedHits() {
	}

	/** For each derived value of the batch, the stronger values it was derived from or beside. */
	static final class Sources {

		private final Map<String, Set<String>> byKey = new HashMap<>();
		private final Map<Long, Set<Long>> byId = new HashMap<>();

		/** {@code derived} was derived from (or is weaker than) {@code stronger}, by value key. */
		void add(String derived, String stronger) {
			byKey.computeIfAbsent(derived, k -> new LinkedHashSet<>()).add(stronger);
		}

		/** The same by value id (ranges found under the lock hold addresses known by id). */
		void addIds(long derived, long stronger) {
			byId.computeIfAbsent(derived, k -> new LinkedHashSet<>()).add(stronger);
		}

		Map<Long, Set<Long>> byId(Map<String, Long> idOfKey) {
			Map<Long, Set<Long>> result = new HashMap<>();
			byId.forEach((derived, stronger) -> result.computeIfAbsent(derived, k -> new LinkedHashSet<>()).addAll(stronger));
			byKey.forEach((derived, stronger) -> {
				Long id = idOfKey.get(derived);
				if (id != null) {
					Set<Long> ids = result.computeIfAbsent(id, k -> new LinkedHashSet<>());
					stronger.forEach(s -> {
						Long sid = idOfKey.get(s);
						if (sid != null) {
							ids.add(sid);
						}
					});
				}
			});
			return result;
		}
	}

	/**
	 * The hits without those on a derived value whose organisation and record get a hit on a stronger value
	 * with as many carriers (the stronger value's carriers are among the derived one's, so equal counts mean
	 * the same records).
	 */
	static Set<NewHit> withoutRedundant(Set<NewHit> hits,
			Map<Long, Set<Long>> strongerOf, Map<Long, Integer> carriers) {
		if (strongerOf.isEmpty()) {
			return hits;
		}
		Set<NewHit> kept = new LinkedHashSet<>();
		for (NewHit hit : hits) {
			boolean redundant = false;
			Integer count = carriers.get(hit.indicator());
			for (long stronger : strongerOf.getOrDefault(hit.indicator(), Set.of())) {
				if (count != null && count.equals(carriers.get(stronger))
						&& hits.contains(new NewHit(hit.organisation(), hit.record(), stronger))) {
					redundant = true;
					break;
				}
			}
			if (!redundant) {
				kept.add(hit);
			}
		}
		return kept;
	}
}
