package eu.eccp.reporting.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A bulk import and its progress. {@code state}: QUEUED, RUNNING, COMPLETED or FAILED. */
public record ImportJob(UUID id, UUID organisationId, String format, @Nullable String fileName, String state,
		long rowsDone, long accepted, long rejected, @Nullable String failure, Instant createdAt,
		@Nullable Instant finishedAt) {

	public boolean finished() {
		return state.equals("COMPLETED") || state.equals("FAILED");
	}
}
