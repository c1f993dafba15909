package eu.eccp.correlation;

import java.util.UUID;

/**
 * A record that carries indicators, by kind and id: {@code REPORT} now; cases, contact-point requests and
 * feeds later. The kinds are open: any module may record sightings of its own records.
 */
public record SourceRef(String kind, UUID id) {

	public static final String REPORT = "REPORT";

	public SourceRef {
		if (kind.isBlank() || kind.length() > 40) {
			throw new IllegalArgumentException("source kind must be 1 to 40 characters");
		}
	}
}
