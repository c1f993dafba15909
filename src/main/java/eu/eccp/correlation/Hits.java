package eu.eccp.correlation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.eccp.shared.CallerContext;

/** What other modules may ask of a unit's hits and clusters (to open a case from them, for example). */
public interface Hits {

	/** One of the caller's organisation's hits; empty when it is not theirs. */
	Optional<HitSummary> find(CallerContext caller, UUID hitId);

	/** The records of a cluster the caller may see (their own, granted ones); empty for an unknown cluster. */
	List<SourceRef> visibleRecords(CallerContext caller, long clusterId);
}
