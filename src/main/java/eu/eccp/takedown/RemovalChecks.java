package eu.eccp.takedown;

import java.time.Instant;
import java.util.List;

/**
 * For a removal-check prober (the hosting module's): which open items to check, and what a check saw. The
 * prober looks at status code, redirects and the final address only; for CSAM ({@link Target#csam()}) it never
 * downloads the body. Recording joins the caller's transaction.
 */
public interface RemovalChecks {

	/** What a check saw. */
	enum Outcome {
		/** The address still answers with the content. */
		ONLINE,
		/** Gone: 404/410, or a redirect away to a removal page. */
		REMOVED,
		/** Something else answers at the address now (a redirect elsewhere, a different page). */
		CHANGED
	}

	/** An open item's address to check (assessed as illegal and not seen removed yet). */
	record Target(ItemId item, String url, boolean csam) {
	}

	/** Up to {@code limit} open items, those checked longest ago first. */
	List<Target> openItems(int limit);

	/** Records a check: REMOVED sets the item's "removal seen" time (the first one counts) and closes it. */
	void observed(ItemId item, Outcome outcome, Instant at);
}
