package eu.eccp.takedown.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Known PDQ hashes (256 bits) searched by Hamming distance without scanning them all: multi-index hashing
 * (Norouzi, Punjani, Fleet, "Fast search in Hamming space with multi-index hashing", CVPR 2012). The 256 bits
 * are cut into 16 chunks of 16 bits, each indexed in a table of its own. Two hashes within distance {@code r}
 * differ, by the pigeonhole principle, in at most {@code floor(r / 16)} bits of at least one chunk; so a
 * lookup probes, in each table, the query's chunk and every value within that many bits of it (for r ≤ 31:
 * the chunk and its 16 one-bit neighbours, 272 probes in all), and checks only the hashes found there.
 * With a million random hashes a bucket holds about 15, so a lookup checks a few thousand candidates instead
 * of a million. Thread-safe: lookups share a read lock, additions take the write lock.
 */
public final class PdqIndex {

	static final int CHUNKS = 16;
	private static final int BUCKETS = 1 << 16;

	/** A known hash within the distance: its position (as added) and distance. */
	public record Match(int entry, int distance) {
	}

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
	/** Four longs per entry, most significant first. */
	private long[] bits = new long[4 * 1024];
	private int size;
	/** Per chunk, per 16-bit value: the entries whose chunk has that value. */
	private final int[][][] tables = new int[CHUNKS][BUCKETS][];
	private final int[][] fill = new int[CHUNKS][BUCKETS];

	/** Adds a hash (64 hex digits); returns its entry number. */
	public int add(String hex) {
		return add(parse(hex));
	}

	public int add(long[] hash) {
		lock.writeLock().lock();
		try {
			int entry = size++;
			if (4 * size > bits.length) {
				bits = Arrays.copyOf(bits, bits.length * 2);
			}
			System.arraycopy(hash, 0, bits, 4 * entry, 4);
			for (int c = 0; c < CHUNKS; c++) {
				int value = chunk(hash, c);
				int[] bucket = tables[c][value];
				int n = fill[c][value];
				if (bucket == null) {
					bucket = new int[4];
					tables[c][value] = bucket;
				}
				else if (n == bucket.length) {
					bucket = Arrays.copyOf(bucket, n * 2);
					tables[c][value] = bucket;
				}
				bucket[n] = entry;
				fill[c][value] = n + 1;
			}
			return entry;
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	public int size() {
		lock.readLock().lock();
		try {
			return size;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** The known hashes within {@code maxDistance} (0 to 63) of the query, nearest first. */
	public List<Match> within(String hex, int maxDistance) {
		return within(parse(hex), maxDistance);
	}

	public List<Match> within(long[] query, int maxDistance) {
		if (maxDistance < 0 || maxDistance >= 4 * CHUNKS) {
			throw new IllegalArgumentException("distance must be between 0 and 63");
		}
		int perChunk = maxDistance / CHUNKS;
		List<Match> matches = new ArrayList<>();
		lock.readLock().lock();
		try {
			for (int c = 0; c < CHUNKS; c++) {
				probe(c, chunk(query, c), perChunk, 0, query, maxDistance, matches);
			}
		}
		finally {
			lock.readLock().unlock();
		}
		matches.sort((a, b) -> a.distance() != b.distance() ? Integer.compare(a.distance(), b.distance())
				: Integer.compare(a.entry(), b.entry()));
		// an entry found through several chunks is reported once
		List<Match> distinct = new ArrayList<>(matches.size());
		java.util.Set<Integer> seen = new java.util.HashSet<>();
		for (Match m : matches) {
			if (seen.add(m.entry())) {
				distinct.add(m);
			}
		}
		return distinct;
	}

	/** Probes the chunk value and, recursively, every value that flips up to {@code flips} more bits from {@code from} on. */
	private void probe(int c, int value, int flips, int from, long[] query, int maxDistance, List<Match> matches) {
		int[] bucket = tables[c][value];
		if (bucket != null) {
			int n = fill[c][value];
			for (int i = 0; i < n; i++) {
				int entry = bucket[i];
				int distance = distance(query, entry);
				if (distance <= maxDistance) {
					matches.add(new Match(entry, distance));
				}
			}
		}
		if (flips > 0) {
			for (int bit = from; bit < 16; bit++) {
				probe(c, value ^ (1 << bit), flips - 1, bit + 1, query, maxDistance, matches);
			}
		}
	}

	private int distance(long[] query, int entry) {
		int base = 4 * entry;
		return Long.bitCount(query[0] ^ bits[base]) + Long.bitCount(query[1] ^ bits[base + 1])
				+ Long.bitCount(query[2] ^ bits[base + 2]) + Long.bitCount(query[3] ^ bits[base + 3]);
	}

	private static int chunk(long[] hash, int c) {
		return (int) (hash[c / 4] >>> (48 - 16 * (c % 4))) & 0xFFFF;
	}

	/** 64 hex digits as four longs, most significant first. */
	public static long[] parse(String hex) {
		if (hex.length() != 64) {
			throw new IllegalArgumentException("a PDQ hash has 64 hex digits");
		}
		long[] result = new long[4];
		for (int i = 0; i < 4; i++) {
			result[i] = Long.parseUnsignedLong(hex.substring(16 * i, 16 * i + 16), 16);
		}
		return result;
	}

	/** The Hamming distance of two hashes of 64 hex digits. */
	public static int distance(String a, String b) {
		long[] x = parse(a);
		long[] y = parse(b);
		int d = 0;
		for (int i = 0; i < 4; i++) {
			d += Long.bitCount(x[i] ^ y[i]);
		}
		return d;
	}
}
