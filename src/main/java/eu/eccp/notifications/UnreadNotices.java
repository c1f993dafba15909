package eu.eccp.notifications;

import eu.eccp.shared.CallerContext;

/** How many notices the caller has not read yet (their organisation's and their own), for the layout's badge. */
public interface UnreadNotices {

	long count(CallerContext caller);
}
