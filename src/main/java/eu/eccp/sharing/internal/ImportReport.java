package eu.eccp.sharing.internal;

import java.util.List;

/**
 * What an import did: objects read, indicators imported (each a record of source kind {@code FEED} owned by the
 * importing organisation), objects skipped (not indicators: identities, markings, sightings, revoked ones...), and
 * the rejected objects, each with its position, id and reason code ({@code sharing.import.reason.CODE} in the
 * bundles); at most {@value #MAX_LISTED} are listed, {@code rejectedCount} counts them all.
 */
public record ImportReport(int received, int imported, int skipped, int rejectedCount, List<Rejection> rejected,
		int newSightings, int hits) {

	public static final int MAX_LISTED = 1_000;

	public ImportReport {
		rejected = List.copyOf(rejected);
	}

	public record Rejection(int index, String id, String reason) {
	}
}
