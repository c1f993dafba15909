/**
 * Public-private sharing: sharing agreements (TLP 2.0 ceiling, PAP, FIRST IEP 2.0 handling, validity) and what
 * leaves the platform under them: a TAXII 2.1 server of STIX 2.1 indicators and sightings built from correlation's
 * sighting index (every version of each object kept), a MISP feed, CSV, and, when the operator enables it, a public
 * TLP:CLEAR collection without account; keyed pseudonyms for personal-data indicators; every disclosure audited. And
 * what comes in: STIX bundles and MISP event files uploaded, TAXII collections and MISP feeds pulled on a schedule
 * (credentials encrypted at rest, connections pinned to the addresses checked), all as FEED sightings.
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
