/**
 * The platform shell: the embedded database, security (sessions, bearer tokens, headers, throttling),
 * the web layout and dashboards, error handling, and the jar's command-line mode.
 */
@NullMarked
@ApplicationModule(displayName = "Platform shell",
		allowedDependencies = { "shared", "organisations", "audit", "notifications", "indicators", "correlation", "reporting", "cases", "contactpoints" })
package eu.eccp.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
