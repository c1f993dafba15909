package eu.eccp.takedown.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import eu.eccp.hosting.ProbeResult;
import eu.eccp.hosting.RemovalCheck;
import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.RemovalChecks;

/** The interval check: the open items go to the hosting module's prober, and what it saw goes on each item. */
class RemovalCheckScheduleTests {

	@Test
	void whatTheProberSawIsRecordedOnEachItemAndAFailedCheckIsTriedAgainLater() {
		ItemId online = new ItemId(UUID.randomUUID());
		ItemId removed = new ItemId(UUID.randomUUID());
		ItemId moved = new ItemId(UUID.randomUUID());
		ItemId unreachable = new ItemId(UUID.randomUUID());
		List<RemovalChecks.Target> open = List.of(new RemovalChecks.Target(online, "https://a.example/x", false),
				new RemovalChecks.Target(removed, "https://b.example/x", true),
				new RemovalChecks.Target(moved, "https://c.example/x", false),
				new RemovalChecks.Target(unreachable, "https://d.example/x", false));
		List<String> seen = new ArrayList<>();
		RemovalChecks items = new RemovalChecks() {
			@Override
			public List<Target> openItems(int limit) {
				assertThat(limit).isEqualTo(50);
				return open;
			}

			@Override
			public void observed(ItemId item, Outcome outcome, Instant at) {
				seen.add(item + " " + outcome);
			}
		};
		RemovalCheck prober = new RemovalCheck() {
			@Override
			public ProbeResult check(String url) {
				ProbeResult.Outcome outcome = switch (url.charAt(8)) {
					case 'a' -> ProbeResult.Outcome.ONLINE;
					case 'b' -> ProbeResult.Outcome.REMOVED;
					case 'c' -> ProbeResult.Outcome.CHANGED;
					default -> ProbeResult.Outcome.FAILED;
				};
				return new ProbeResult(url, outcome, null, List.of(), url, null,
						outcome == ProbeResult.Outcome.FAILED ? ProbeResult.Failure.TIMEOUT : null, Instant.now(), Duration.ZERO);
			}

			@Override
			public CompletableFuture<ProbeResult> submit(String url) {
				return CompletableFuture.completedFuture(check(url));
			}

			@Override
			public List<ProbeResult> checkAll(List<String> urls) {
				return urls.stream().map(this::check).toList();
			}
		};

		int recorded = new RemovalCheckSchedule(items, prober, null, 50).checkOnce();

		assertThat(recorded).isEqualTo(3);
		assertThat(seen).containsExactly(online + " ONLINE", removed + " REMOVED", moved + " CHANGED");
	}
}
