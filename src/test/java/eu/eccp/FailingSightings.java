package eu.eccp;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;

/** Tests of retries: a spied {@link Sightings} that fails for batches carrying a marker, the first few times. */
public final class FailingSightings {

	private FailingSightings() {
	}

	/**
	 * Makes {@code spy} throw a database failure the first {@code times} times it is handed a batch with an
	 * indicator containing {@code marker}; other batches are recorded as usual. Returns the count of calls
	 * for such batches (failed or not).
	 */
	public static AtomicInteger failFirst(Sightings spy, String marker, int times) {
		AtomicInteger calls = new AtomicInteger();
		doAnswer(call -> {
			List<RecordSightings> batch = call.getArgument(0);
			boolean ours = batch.stream().anyMatch(r -> r.indicators().stream().anyMatch(i -> i.value().contains(marker)));
			if (ours && calls.getAndIncrement() < times) {
				throw new org.springframework.dao.DataAccessResourceFailureException("database went away");
			}
			return call.callRealMethod();
		}).when(spy).record(anyList(), any());
		return calls;
	}
}
