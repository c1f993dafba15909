package eu.eccp.blocklist.isp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable set of SHA-256 hashes with a reference code each, laid out for fast membership tests with
 * little memory: the hashes' first 8 bytes in one sorted {@code long[]}, their other 24 bytes in a parallel
 * {@code long[]} (3 per entry) for full-hash confirmation, the reference codes in a third, an {@code int[]}
 * of bucket starts indexed by the top bits (2 to 4 entries per bucket), and a blocked Bloom filter of 16
 * bits per entry (three bits set in one 64-bit word) that answers most misses from the CPU cache; besides,
 * each entry's 24-bit host key and a bit set of them, so that a matcher hashes the path expressions of a
 * URL only under hosts that have an entry. About 50 bytes per entry; {@link #bytesUsed()} says exactly.
 */
public final class HashedBlockList {

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private final long[] first;

	private final long[] rest;

	private final long[] references;

	private final int[] hostKeys;

	private final long[] hostFilter;

	private final int hostFilterMask;

	private final int[] bucketStart;

	private final int bucketShift;

	private final long[] filter;

	private final int filterMask;

	private HashedBlockList(long[] first, long[] rest, long[] references, int[] hostKeys) {
		this.first = first;
		this.rest = rest;
		this.references = references;
		this.hostKeys = hostKeys;
		int n = first.length;
		// host keys have 24 bits: a bit set of up to 2^24 bits (2 MiB), about 16 to 32 bits per entry
		int hostBits = Math.max(64, Math.min(1 << 24, Integer.highestOneBit(Math.max(1, n)) * 32));
		this.hostFilter = new long[hostBits / 64];
		this.hostFilterMask = hostBits - 1;
		for (int key : hostKeys) {
			int bit = key & hostFilterMask;
			hostFilter[bit >>> 6] |= 1L << bit;
		}
		int bucketBits = Math.max(1, 31 - Integer.numberOfLeadingZeros(Math.max(1, n)) - 1);
		this.bucketShift = 64 - bucketBits;
		this.bucketStart = new int[(1 << bucketBits) + 1];
		int b = 0;
		for (int i = 0; i < n; i++) {
			int bucket = (int) (first[i] >>> bucketShift);
			while (b <= bucket) {
				bucketStart[b++] = i;
			}
		}
		while (b < bucketStart.length) {
			bucketStart[b++] = n;
		}
		int words = Integer.highestOneBit(Math.max(64, n / 4 * 1 + 63)) << 1; // 16 to 32 bits per entry
		words = Math.max(1, Math.min(words, 1 << 26));
		this.filter = new long[words];
		this.filterMask = words - 1;
		for (int i = 0; i < n; i++) {
			long h = rest[3 * i];
			filter[(int) h & filterMask] |= filterBits(h);
		}
	}

	private static long filterBits(long h) {
		return 1L << (h >>> 40) | 1L << (h >>> 46) | 1L << (h >>> 52);
	}

	/** Builds the set from hashes (32 bytes each, in any order) and their reference codes; duplicates are kept once. */
	public static HashedBlockList of(byte[][] hashes, long[] referenceCodes, int[] hostKeyOfEach) {
		Integer[] order = new Integer[hashes.length];
		long[][] keys = new long[hashes.length][];
		for (int i = 0; i < hashes.length; i++) {
			if (hashes[i].length != 32) {
				throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, not " + hashes[i].length);
			}
			keys[i] = new long[] { (long) LONG.get(hashes[i], 0), (long) LONG.get(hashes[i], 8),
					(long) LONG.get(hashes[i], 16), (long) LONG.get(hashes[i], 24) };
			order[i] = i;
		}
		Arrays.sort(order, (x, y) -> compare(keys[x], keys[y]));
		long[] first = new long[hashes.length];
		long[] rest = new long[hashes.length * 3];
		long[] refs = new long[hashes.length];
		int[] hosts = new int[hashes.length];
		int n = 0;
		for (int k = 0; k < order.length; k++) {
			long[] key = keys[order[k]];
			if (n > 0 && first[n - 1] == key[0] && rest[3 * n - 3] == key[1] && rest[3 * n - 2] == key[2]
					&& rest[3 * n - 1] == key[3]) {
				continue;
			}
			first[n] = key[0];
			rest[3 * n] = key[1];
			rest[3 * n + 1] = key[2];
			rest[3 * n + 2] = key[3];
			refs[n] = referenceCodes[order[k]];
			hosts[n] = hostKeyOfEach[order[k]] & 0xFFFFFF;
			n++;
		}
		return new HashedBlockList(Arrays.copyOf(first, n), Arrays.copyOf(rest, 3 * n), Arrays.copyOf(refs, n),
				Arrays.copyOf(hosts, n));
	}

	/** Builds the set from arrays already sorted by {@link #compare} without duplicates (the local copy's order). */
	static HashedBlockList ofSorted(long[] first, long[] rest, long[] references, int[] hostKeys) {
		return new HashedBlockList(first, rest, references, hostKeys);
	}

	/** Whether some entry may have this host key (no false negatives; false positives as the bit set fills). */
	public boolean mayHaveHost(int hostKey) {
		int bit = hostKey & hostFilterMask;
		return (hostFilter[bit >>> 6] & 1L << bit) != 0;
	}

	public int hostKey(int index) {
		return hostKeys[index];
	}

	/** Unsigned order of the first 8 bytes, then of the others: the order of the hashes' bytes. */
	static int compare(long[] a, long[] b) {
		for (int i = 0; i < 4; i++) {
			int c = Long.compareUnsigned(a[i], b[i]);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	public int size() {
		return first.length;
	}

	/** The index of the hash given as four big-endian longs, or -1. */
	public int indexOf(long a, long b, long c, long d) {
		if ((filter[(int) b & filterMask] & filterBits(b)) != filterBits(b)) {
			return -1;
		}
		int bucket = (int) (a >>> bucketShift);
		for (int i = bucketStart[bucket], end = bucketStart[bucket + 1]; i < end; i++) {
			if (first[i] == a && rest[3 * i] == b && rest[3 * i + 1] == c && rest[3 * i + 2] == d) {
				return i;
			}
		}
		return -1;
	}

	public int indexOf(byte[] hash) {
		return indexOf((long) LONG.get(hash, 0), (long) LONG.get(hash, 8), (long) LONG.get(hash, 16),
				(long) LONG.get(hash, 24));
	}

	public boolean contains(byte[] hash) {
		return indexOf(hash) >= 0;
	}

	public long referenceCode(int index) {
		return references[index];
	}

	/** The hash at an index, in sorted order. */
	public byte[] hash(int index) {
		byte[] out = new byte[32];
		LONG.set(out, 0, first[index]);
		LONG.set(out, 8, rest[3 * index]);
		LONG.set(out, 16, rest[3 * index + 1]);
		LONG.set(out, 24, rest[3 * index + 2]);
		return out;
	}

	/** Bytes of the arrays this set holds (array headers included). */
	public long bytesUsed() {
		return 16L * 7 + 8L * first.length + 8L * rest.length + 8L * references.length + 4L * hostKeys.length
				+ 4L * bucketStart.length + 8L * filter.length + 8L * hostFilter.length;
	}

	static long readLong(byte[] bytes, int offset) {
		return (long) LONG.get(bytes, offset);
	}
}
