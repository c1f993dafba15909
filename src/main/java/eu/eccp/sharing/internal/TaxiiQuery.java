package eu.eccp.sharing.internal;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The TAXII 2.1 filters of a request: {@code added_after}, {@code limit}, {@code next} and {@code match[id]},
 * {@code match[type]}, {@code match[version]}, {@code match[spec_version]} (each a comma-separated list).
 */
public record TaxiiQuery(@Nullable Instant addedAfter, @Nullable Integer limit, @Nullable String next, Set<String> ids,
		Set<String> types, Set<String> versions, Set<String> specVersions) {

	public TaxiiQuery {
		ids = Set.copyOf(ids);
		types = Set.copyOf(types);
		versions = Set.copyOf(versions);
		specVersions = Set.copyOf(specVersions);
	}

	public static TaxiiQuery all() {
		return new TaxiiQuery(null, null, null, Set.of(), Set.of(), Set.of(), Set.of());
	}

	/**
	 * Whether a version (its {@code modified}) passes {@code match[version]}: every collection object has one version,
	 * so {@code last}, {@code first} and {@code all} (and no filter) match it, and a timestamp matches only that one.
	 */
	boolean versionMatches(Instant modified) {
		if (versions.isEmpty()) {
			return true;
		}
		for (String v : versions) {
			if (v.equals("last") || v.equals("first") || v.equals("all")) {
				return true;
			}
			try {
				if (StixTime.parse(v).equals(modified.truncatedTo(java.time.temporal.ChronoUnit.MICROS))) {
					return true;
				}
			}
			catch (IllegalArgumentException ignored) {
				// not a timestamp: matches nothing
			}
		}
		return false;
	}

	boolean specVersionMatches() {
		return specVersions.isEmpty() || specVersions.contains("2.1");
	}

	boolean typeMatches(String type) {
		return types.isEmpty() || types.contains(type);
	}
}
