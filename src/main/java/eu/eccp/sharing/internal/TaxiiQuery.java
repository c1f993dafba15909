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
	 * Which versions to walk when {@code match[version]} asks for more than the latest (TAXII 2.1 section 3.4.1: the
	 * default is {@code last}), or null for the latest only. Values that are neither a keyword nor a timestamp match
	 * nothing.
	 */
	CollectionObjectRepository.@Nullable VersionFilter history() {
		if (versions.isEmpty() || versions.equals(Set.of("last"))) {
			return null;
		}
		java.util.List<Instant> stamps = new java.util.ArrayList<>();
		for (String v : versions) {
			if (!v.equals("last") && !v.equals("first") && !v.equals("all")) {
				try {
					stamps.add(StixTime.parse(v));
				}
				catch (IllegalArgumentException ignored) {
					// not a timestamp: matches nothing
				}
			}
		}
		return new CollectionObjectRepository.VersionFilter(versions.contains("all"), versions.contains("first"),
				versions.contains("last"), stamps);
	}

	/**
	 * Whether a version (its {@code modified}) passes {@code match[version]} once the walk chose the versions
	 * ({@link #history()}): the keywords match what the walk gave, a timestamp matches only that version. The
	 * definitions (identity, markings, extension) have one version, which every keyword matches.
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
