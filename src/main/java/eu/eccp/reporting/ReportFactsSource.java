package eu.eccp.reporting;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The non-personal facts of every stored report that is not a duplicate, page by page in the order of their ids,
 * for rebuilding statistics from scratch (the incremental path is {@link ReportsCounted}).
 */
public interface ReportFactsSource {

	/** Up to {@code limit} reports whose id comes after {@code after} (from the first when {@code null}). */
	List<ReportFacts> after(@Nullable ReportId after, int limit);
}
