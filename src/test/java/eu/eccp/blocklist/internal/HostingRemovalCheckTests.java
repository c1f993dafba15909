package eu.eccp.blocklist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import eu.eccp.blocklist.RemovalCheck.Result;
import eu.eccp.hosting.ProbeResult.Outcome;

/** An entry's address counts as gone when the prober finds it removed or answering with something else. */
class HostingRemovalCheckTests {

	@Test
	void removedOrChangedIsGoneAndNoAnswerCountsNeitherWay() {
		assertThat(HostingRemovalCheck.result(Outcome.ONLINE)).isEqualTo(Result.ONLINE);
		assertThat(HostingRemovalCheck.result(Outcome.REMOVED)).isEqualTo(Result.GONE);
		assertThat(HostingRemovalCheck.result(Outcome.CHANGED)).isEqualTo(Result.GONE);
		assertThat(HostingRemovalCheck.result(Outcome.FAILED)).isEqualTo(Result.UNKNOWN);
	}
}
