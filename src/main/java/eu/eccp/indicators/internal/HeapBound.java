package eu.eccp.indicators.internal;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Keeps the command line's memory small whatever the input's size, without JVM options ({@code java -jar
 * eccp.jar extract} is started with none): the extraction streams and keeps almost nothing alive, but the JVM
 * sizes its heap from the machine's memory (a quarter of it at most, a 64th to begin with) and, with the G1
 * collector, lets the young generation grow into it, so the process would touch some 350 MB for garbage
 * alone. At start the heap's free share after a collection is set (the two {@code manageable} free-ratio
 * options, which a running JVM lets itself be given) and the heap shrunk once; later, when the committed heap
 * has grown past {@link #LIMIT} again, one collection shrinks it back.
 *
 * <p>The free share is HotSpot's default, {@value #MIN_FREE_PERCENT} to {@value #MAX_FREE_PERCENT} %, set here
 * so that options given otherwise do not undo the bound: with the few MiB that are live, the heap then settles
 * in tens of MiB and a collection to shrink it comes every 12 to 25 MiB of text. Tighter bounds (5 and 10 %,
 * before 2026-12-02) kept the heap at about 24 MiB: a young collection every few MiB allocated, the old
 * generation always above the concurrent cycle's threshold, and some 400 pauses and a quarter of the process's
 * CPU time for 100 MiB of text (see docs/benchmarks.md, "Extraction as a process").
 */
public final class HeapBound {

	/** Committed heap above which the next check collects and shrinks it. */
	static final long LIMIT = 128L << 20;

	/** The free share of the heap after a collection, at least and at most (percent). */
	static final int MIN_FREE_PERCENT = 40;
	static final int MAX_FREE_PERCENT = 70;

	private final Runtime runtime = Runtime.getRuntime();
	private long checks;

	private HeapBound() {
	}

	/** Asks this JVM to keep its heap small (where it lets itself be asked) and shrinks it now. */
	public static HeapBound start() {
		try {
			HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			// the JVM refuses a minimum above the maximum at every step: the order depends on the current maximum
			boolean minimumFirst = Integer.parseInt(vm.getVMOption("MaxHeapFreeRatio").getValue()) >= MIN_FREE_PERCENT;
			vm.setVMOption(minimumFirst ? "MinHeapFreeRatio" : "MaxHeapFreeRatio",
					Integer.toString(minimumFirst ? MIN_FREE_PERCENT : MAX_FREE_PERCENT));
			vm.setVMOption(minimumFirst ? "MaxHeapFreeRatio" : "MinHeapFreeRatio",
					Integer.toString(minimumFirst ? MAX_FREE_PERCENT : MIN_FREE_PERCENT));
		}
		catch (RuntimeException | LinkageError e) {
			// not HotSpot, or options given on the command line that disagree: the checks below still bound it
		}
		System.gc();
		return new HeapBound();
	}

	/** Called often (every indicator): now and then, shrinks the heap when it grew past the limit. */
	public void check() {
		if ((++checks & 1023) == 0 && runtime.totalMemory() > LIMIT) {
			System.gc();
		}
	}
}
