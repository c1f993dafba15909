package eu.eccp.sharing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A remote TAXII collection an organisation pulls from, with its progress: the {@code addedAfter} cursor, pages and
 * objects received, imported and rejected in all, the last run's rejections, and the last error with the failures
 * in a row (each doubles the wait before the next attempt). The credential is never shown.
 */
public record FeedSourceView(UUID id, String name, String url, @Nullable String username, boolean hasSecret, String tlp,
		int intervalSeconds, int pageSize, boolean enabled, @Nullable String addedAfter, Instant nextRunAt,
		@Nullable Instant lastRunAt, @Nullable Instant lastSuccessAt, @Nullable String lastError, int failures, long pages,
		long received, long imported, long rejected, List<ImportReport.Rejection> lastRejections) {

	public FeedSourceView {
		lastRejections = List.copyOf(lastRejections);
	}
}
