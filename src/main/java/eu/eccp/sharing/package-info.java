/**
 * Public-private sharing: sharing agreements (TLP 2.0 ceiling, PAP, FIRST IEP 2.0 handling, validity) and what
 * leaves the platform under them: a TAXII 2.1 server of STIX 2.1 indicators and sightings built from correlation's
 * sighting index, a MISP feed, CSV; keyed pseudonyms for personal-data indicators; every disclosure audited.
 *
 * <p>It reads correlation only through {@link eu.eccp.correlation.SharedIndicators}; nothing of a report (text,
 * reporter, victim, contact details) is ever available to it.
 */
@NullMarked
@ApplicationModule(displayName = "Public-private sharing",
		allowedDependencies = { "shared", "organisations", "audit", "correlation", "indicators" })
package eu.eccp.sharing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
