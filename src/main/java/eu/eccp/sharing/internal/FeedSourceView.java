package eu.eccp.sharing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A remote source an organisation pulls from (a TAXII collection or a MISP feed), with its progress: the
 * {@code addedAfter} cursor (TAXII), pages (TAXII pages or MISP event files) and objects received, imported and
 * rejected in all, the last run's rejections, and the last error with the failures in a row (each doubles the wait
 * before the next attempt; {@code lastErrorCode} and {@code lastErrorArg} name it for {@code sharing.feed.error.CODE}
 * in the bundles). The credential is never shown: {@code hasSecret} says whether one is stored and
 * {@code secretHint} gives the last four characters of a long one.
 */
public record FeedSourceView(UUID id, String kind, String name, String url, @Nullable String username,
		boolean hasSecret, @Nullable String secretHint, String tlp, int intervalSeconds, int pageSize, boolean enabled,
		@Nullable String addedAfter, Instant nextRunAt, @Nullable Instant lastRunAt, @Nullable Instant lastSuccessAt,
		@Nullable String lastError, @Nullable String lastErrorCode, @Nullable String lastErrorArg, int failures, long pages, long received, long imported, long rejected,
		List<ImportReport.Rejection> lastRejections) {

	public FeedSourceView {
		lastRejections = List.copyOf(lastRejections);
	}

	/** Whether the last attempt failed (its error is {@link #lastError}). */
	public boolean failing() {
		return lastError != null;
	}
}
