/**
 * Correlation: links records across borders through the indicators they share, keeps clusters of
 * connected records, and tells every unit involved (hit/no-hit, need-to-know).
 *
 * <p>Published: {@link eu.eccp.correlation.Sightings} (other modules record the indicators their records
 * carry) and {@link eu.eccp.correlation.CrossBorderHitsFound}.
 */
@NullMarked
@ApplicationModule(displayName = "Correlation",
		allowedDependencies = { "shared", "organisations", "audit", "indicators" })
package eu.eccp.correlation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
