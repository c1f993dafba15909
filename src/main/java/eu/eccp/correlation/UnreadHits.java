package eu.eccp.correlation;

import eu.eccp.shared.CallerContext;

/** How many hits the caller's organisation has not opened yet (for dashboards). */
public interface UnreadHits {

	long unread(CallerContext caller);
}
