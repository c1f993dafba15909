/**
 * Statistics: figures comparable between Member States, counted by written rules (see {@code docs/statistics.md}
 * and the rules shown under every table), with UNODC ICCS codes, per-capita rates, trends and disclosure control.
 * Statisticians, coordinators, national units (their own country) and the public see aggregates only.
 *
 * <p>Statistics never reads another module's tables. Reporting hands over the non-personal facts of each new report
 * ({@link eu.eccp.reporting.ReportsCounted}, through the event publication registry, so a crash loses nothing) and
 * pages of them for rebuilds ({@link eu.eccp.reporting.ReportFactsSource}); correlation says which cluster each
 * report belongs to ({@link eu.eccp.correlation.ReportClusters}), so linked reports count as one incident; takedown
 * and contact points publish their time figures ({@link eu.eccp.takedown.RemovalFigures},
 * {@link eu.eccp.contactpoints.RequestFigures}). Counts are kept in a roll-up table (measure x basis x month x
 * offence x country) updated incrementally in the transaction that records a report, so queries read roll-up rows,
 * never reports. National units upload their official police-recorded figures by ICCS code
 * ({@code internal.NationalFigures}), shown beside the platform's counts with their source.
 */
@NullMarked
@ApplicationModule(displayName = "Statistics",
		allowedDependencies = { "shared", "reporting", "correlation", "takedown", "contactpoints", "audit" })
package eu.eccp.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
