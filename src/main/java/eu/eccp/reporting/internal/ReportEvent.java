package eu.eccp.reporting.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One step in a report's history: {@code SUBMITTED}, {@code INFORMATION_ADDED}, {@code STATUS_CHANGED},
 * {@code ASSIGNED}, {@code RESUBMITTED}, {@code CONTACT_ERASED}.
 */
public record ReportEvent(Instant at, String type, @Nullable String status, @Nullable String text,
		@Nullable UUID byUser, boolean visibleToReporter) {
}
