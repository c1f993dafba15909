package eu.eccp.takedown.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.takedown.ReportedCategory;

/**
 * One web address named by one report: what becomes an item, or joins one.
 *
 * @param sourceKind {@code REPORT} (reporting module) or {@code CONTENT_REPORT}
 * @param submitter the reporting organisation (null for the public)
 * @param handler who handles the item if this creates it
 * @param hashes media hashes the reporter gave for it
 */
record Sighting(String sourceKind, UUID sourceId, @Nullable String sourceReference, @Nullable OrganisationId submitter,
		OrganisationId handler, String urlAsGiven, ContentUrl url, ReportedCategory category, Tlp tlp, Instant at,
		List<MediaHash> hashes) {
}
