package eu.eccp.blocklist;

/**
 * Whether blocked content is still online. The hosting module's removal-check prober implements it; the
 * block list calls it for every published entry (daily by default) and drops an entry whose content was
 * gone at three checks in a row. Implementations must not throw for an unreachable site: that is
 * {@link Result#GONE} or {@link Result#UNKNOWN}, as they judge.
 */
public interface RemovalCheck {

	enum Result {
		/** The content is still served. */
		ONLINE,
		/** The content is not served any more (404/410, the host does not resolve...). */
		GONE,
		/** The check could not tell (time-out, the prober is busy): counts neither way. */
		UNKNOWN
	}

	Result check(String url);
}
