package eu.eccp.blocklist.internal;

import org.springframework.stereotype.Component;

import eu.eccp.blocklist.RemovalCheck;
import eu.eccp.hosting.ProbeResult;

/**
 * The block list's removal check is the hosting module's prober: an entry's address that answers with the
 * content is online; one that is removed (404, 410, 451, the host gone) or answers with something else (a
 * redirect to a home page or a removal notice, 401/403) no longer serves it; a check without a usable answer
 * counts neither way.
 */
@Component
class HostingRemovalCheck implements RemovalCheck {

	private final eu.eccp.hosting.RemovalCheck prober;

	HostingRemovalCheck(eu.eccp.hosting.RemovalCheck prober) {
		this.prober = prober;
	}

	@Override
	public Result check(String url) {
		return result(prober.check(url).outcome());
	}

	static Result result(ProbeResult.Outcome outcome) {
		return switch (outcome) {
			case ONLINE -> Result.ONLINE;
			case REMOVED, CHANGED -> Result.GONE;
			case FAILED -> Result.UNKNOWN;
		};
	}
}
