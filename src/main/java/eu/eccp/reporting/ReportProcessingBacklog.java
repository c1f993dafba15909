package eu.eccp.reporting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Reports whose indicators are still to be extracted and correlated: how many wait, how many of those failed
 * repeatedly (they are retried with a growing wait until they succeed), and when the oldest was stored.
 */
public record ReportProcessingBacklog(long waiting, long failing, @Nullable Instant oldest) {
}
