package eu.eccp.correlation;

import org.jspecify.annotations.Nullable;

/**
 * When the hits an ingest creates are announced ({@link CrossBorderHitsFound}): at once, once per organisation
 * and batch; or held under a key (e.g. a bulk import's) until {@link Sightings#announce(String)} is called, so
 * that a load made of many batches notifies each organisation once. Held hits are stored with the batch, so a
 * crash loses none of them.
 */
public record HitAnnouncement(@Nullable String heldUnder) {

	private static final HitAnnouncement EACH_BATCH = new HitAnnouncement(null);

	public HitAnnouncement {
		if (heldUnder != null && (heldUnder.isBlank() || heldUnder.length() > 200)) {
			throw new IllegalArgumentException("an announcement key has 1 to 200 characters");
		}
	}

	public static HitAnnouncement eachBatch() {
		return EACH_BATCH;
	}

	public static HitAnnouncement heldUnder(String key) {
		return new HitAnnouncement(key);
	}
}
