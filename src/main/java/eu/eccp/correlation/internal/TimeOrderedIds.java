package eu.eccp.correlation.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): a millisecond timestamp followed by random bits. Rows keyed by them are
 * inserted at the end of their primary-key index instead of at random places in it, which keeps the hit
 * table's index hot in memory as it grows to millions of rows.
 */
final class TimeOrderedIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TimeOrderedIds() {
	}

	static UUID next(long epochMillis) {
		long random = RANDOM.nextLong();
		long most = (epochMillis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
		long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least);
	}
}
