/**
 * Reporting: citizens (anonymously if they wish) and organisations report cyber crime; each report is
 * classified (the three kinds, Budapest Convention offences, the RSIT taxonomy) and routed to the
 * competent national unit.
 *
 * <p>Published: the event {@link eu.eccp.reporting.ReportSubmitted} (id and routed unit only, no content), the
 * taxonomy ({@link eu.eccp.reporting.Offence}, {@link eu.eccp.reporting.CrimeKind}), and
 * {@link eu.eccp.reporting.Reports}: the summaries of reports a caller may see ({@link eu.eccp.reporting.ReportSummary},
 * for cases linking a report) and the processing backlog ({@link eu.eccp.reporting.ReportProcessingBacklog}, for the
 * background-work page), and {@link eu.eccp.reporting.OffenceTrends}: counts of reports by offence and week (for
 * public awareness's suggestions; no content, no reporter, TLP:RED never counted). Extraction and correlation of a report happen inside this module
 * ({@code internal.ReportCorrelation}), which hands the indicators to correlation's
 * {@link eu.eccp.correlation.Sightings} in batches.
 */
@NullMarked
@ApplicationModule(displayName = "Reporting",
		allowedDependencies = { "shared", "organisations", "audit", "indicators", "correlation", "takedown" })
package eu.eccp.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
