/**
 * Where is it hosted, and who must act: a URL's host resolved through the resolver the operator configures,
 * each address mapped to country, autonomous system and network owner from open datasets the operator imports
 * ({@code java -jar eccp.jar ip-data import FILE...}), known CDNs and reverse proxies flagged, and the host's
 * desk named: the organisation on the platform for that network (its content-removal contact point), else an
 * abuse contact from the operator's table, else the CDN's abuse desk.
 * <p>
 * Published API: {@link eu.eccp.hosting.HostingLookup#locate(String)} → {@link eu.eccp.hosting.HostingLocation};
 * and the removal check {@link eu.eccp.hosting.RemovalCheck} (status code, redirects and final address of a URL,
 * never its body; private and reserved addresses refused at every hop; a bounded executor), used by takedown
 * and the block list. {@code GET /api/v1/hosting/lookup?url=} serves analysts and hotline analysts.
 */
@NullMarked
@ApplicationModule(displayName = "Hosting: location, network owner and removal checks",
		allowedDependencies = { "shared", "organisations", "audit", "contactpoints" })
package eu.eccp.hosting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
