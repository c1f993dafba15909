package eu.eccp.reporting.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A bulk import and its progress through its phases: rows read and stored ({@code rowsDone}, {@code accepted},
 * {@code rejected}), then, for the accepted rows that are not duplicates ({@code queued}), indicators extracted
 * ({@code extracted}) and correlated ({@code correlated}), with the cross-border {@code hits} they made.
 * {@code state}: QUEUED, RUNNING, COMPLETED or FAILED; {@code resumed} counts restarts it was resumed after.
 */
public record ImportJob(UUID id, UUID organisationId,
		@Schema(allowableValues = { "ndjson", "csv" }) String format, @Nullable String fileName,
		@Schema(allowableValues = { "QUEUED", "RUNNING", "COMPLETED", "FAILED" }) String state,
		@Schema(description = "rows read so far") long rowsDone, long accepted, long rejected, long queued, long extracted, long correlated, long hits,
		int resumed, @Nullable String failure, Instant createdAt, @Nullable Instant finishedAt) {

	public boolean finished() {
		return state.equals("COMPLETED") || state.equals("FAILED");
	}

	/** Finished, and every stored row extracted and correlated. */
	public boolean settled() {
		return finished() && correlated >= queued;
	}

	/** Percent of the work done: reading counts for half, correlating for the other half. */
	public int percent() {
		if (settled()) {
			return 100;
		}
		long read = finished() ? 50 : 0;
		long correlating = queued == 0 ? 0 : Math.min(50, correlated * 50 / queued);
		return (int) Math.min(99, read + correlating);
	}
}
