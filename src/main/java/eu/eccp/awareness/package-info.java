/**
 * Public awareness: multilingual advisories for the public about what the platform sees (issue 19).
 *
 * <p>Coordinators and national units' analysts write an advisory (title, summary, what is happening, how to
 * recognise it, what to do, how to report it) in English, French and German, for an offence and the affected
 * countries; a second person of those roles approves it (four-eyes) before it is published, and again for
 * each update; every change is audited. Published advisories are shown at {@code /advisories} in the visitor's
 * language, in RSS 2.0 and Atom feeds per language and country, as CAP 1.2 alerts (Alert, Update, Cancel), in a
 * small JSON API for national portals ({@code /api/v1/public/advisories}), and e-mailed to confirmed
 * subscribers (double opt-in, one-click unsubscribe).
 *
 * <p>Authors get draft suggestions from aggregate facts only (a cluster gaining reports from several countries,
 * an offence far above its weekly baseline), through correlation's {@link eu.eccp.correlation.ClusterTrends}
 * and reporting's {@link eu.eccp.reporting.OffenceTrends}; this module reads no other module's tables.
 *
 * <p>Published: {@link eu.eccp.awareness.AdvisoryId}.
 */
@NullMarked
@ApplicationModule(displayName = "Awareness",
		allowedDependencies = { "shared", "audit", "organisations", "reporting", "correlation", "indicators" })
package eu.eccp.awareness;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
