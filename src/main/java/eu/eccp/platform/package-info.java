/**
 * The platform shell: security (sessions, bearer tokens, second factors, headers, login throttling), the web
 * layout and dashboards, error handling (problem details, error pages), the OpenAPI document, background work
 * (the bounded executor of module event listeners, the replay of failed event publications, the
 * {@code /admin/background} page), and the jar's command-line mode ({@link eu.eccp.platform.CommandLineMode}).
 * The embedded database itself is in {@code eu.eccp.shared.database}.
 */
@NullMarked
@ApplicationModule(displayName = "Platform shell",
		allowedDependencies = { "shared", "organisations", "audit", "notifications", "indicators", "correlation", "reporting", "cases", "contactpoints" })
package eu.eccp.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
