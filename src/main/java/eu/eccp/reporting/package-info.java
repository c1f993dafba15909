/**
 * Reporting: citizens (anonymously if they wish) and organisations report cyber crime; each report is
 * classified (the three kinds, Budapest Convention offences, the RSIT taxonomy) and routed to the
 * competent national unit.
 *
 * <p>Published: {@link eu.eccp.reporting.ReportSubmitted}, the taxonomy ({@link eu.eccp.reporting.Offence})
 * and {@link eu.eccp.reporting.Reports} for modules that process report content (indicators, correlation).
 */
@NullMarked
@ApplicationModule(displayName = "Reporting",
		allowedDependencies = { "shared", "organisations", "audit", "indicators", "correlation" })
package eu.eccp.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
