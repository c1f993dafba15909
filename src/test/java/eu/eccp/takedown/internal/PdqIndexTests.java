package eu.eccp.takedown.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The multi-index finds exactly what a scan of every hash would find, at every distance up to the limit, and
 * nothing beyond it.
 */
class PdqIndexTests {

	@Test
	void findsExactlyTheHashesALinearScanFinds() {
		Random random = new Random(7);
		PdqIndex index = new PdqIndex();
		List<long[]> known = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			long[] hash = { random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong() };
			known.add(hash);
			index.add(hash);
		}
		for (int q = 0; q < 300; q++) {
			long[] query = flip(known.get(random.nextInt(known.size())), random.nextInt(40), random);
			for (int maxDistance : new int[] { 0, 15, 31, 47 }) {
				List<Integer> expected = new ArrayList<>();
				for (int i = 0; i < known.size(); i++) {
					if (distance(query, known.get(i)) <= maxDistance) {
						expected.add(i);
					}
				}
				assertThat(index.within(query, maxDistance)).extracting(PdqIndex.Match::entry)
					.containsExactlyInAnyOrderElementsOf(expected);
			}
		}
	}

	@Test
	void reportsTheNearestFirstWithItsDistance() {
		PdqIndex index = new PdqIndex();
		String base = "f".repeat(64);
		index.add("0".repeat(64));
		index.add("e" + "f".repeat(63)); // 1 bit away from base
		index.add("0" + "f".repeat(63)); // 4 bits away
		assertThat(index.within(base, 31)).extracting(PdqIndex.Match::entry, PdqIndex.Match::distance)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 4));
		assertThat(PdqIndex.distance(base, "0".repeat(64))).isEqualTo(256);
		assertThatThrownBy(() -> index.within("abc", 31)).isInstanceOf(IllegalArgumentException.class);
	}

	static long[] flip(long[] hash, int bits, Random random) {
		long[] copy = hash.clone();
		java.util.Set<Integer> chosen = new java.util.HashSet<>();
		while (chosen.size() < bits) {
			chosen.add(random.nextInt(256));
		}
		for (int bit : chosen) {
			copy[bit / 64] ^= 1L << (bit % 64);
		}
		return copy;
	}

	static int distance(long[] a, long[] b) {
		int d = 0;
		for (int i = 0; i < 4; i++) {
			d += Long.bitCount(a[i] ^ b[i]);
		}
		return d;
	}
}
