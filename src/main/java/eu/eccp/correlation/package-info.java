/**
 * Correlation: links records across borders through the indicators they share, keeps clusters of
 * connected records, and tells every unit involved (hit/no-hit, need-to-know).
 *
 * <p>Published: {@link eu.eccp.correlation.Sightings} (the one path: a record's owning module hands the
 * {@link eu.eccp.correlation.ObservedIndicator}s of its {@link eu.eccp.correlation.RecordSightings} over in
 * batches, with a {@link eu.eccp.correlation.HitAnnouncement} saying when hits are announced, and gets an
 * {@link eu.eccp.correlation.IngestResult}), the event {@link eu.eccp.correlation.CrossBorderHitsFound},
 * {@link eu.eccp.correlation.Hits} with {@link eu.eccp.correlation.HitSummary} (cases opened from a hit) and
 * {@link eu.eccp.correlation.UnreadHits} (the dashboard), and {@link eu.eccp.correlation.ClusterTrends}: aggregate
 * facts about clusters growing across borders (counts, countries, first seen, TLP:CLEAR values identifying nobody)
 * for public awareness, which never sees a record. The SPI {@link eu.eccp.correlation.RecordReferences} is
 * implemented by the modules that own records (reporting, cases) to name the reader's own records in the cluster
 * graph by the references people know them by.
 */
@NullMarked
@ApplicationModule(displayName = "Correlation",
		allowedDependencies = { "shared", "organisations", "audit", "indicators" })
package eu.eccp.correlation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
