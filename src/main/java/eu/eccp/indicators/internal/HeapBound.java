package eu.eccp.indicators.internal;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Keeps the command line's memory small whatever the input's size, without JVM options ({@code java -jar
 * eccp.jar extract} is started with none): the extraction streams and keeps almost nothing alive, but the JVM
 * sizes its heap from the machine's memory (a quarter of it at most, a 64th to begin with) and, with the G1
 * collector, lets the young generation grow into it, so the process would touch some 350 MB for garbage
 * alone. At start the heap is asked to stay within 10 % of what is live (the two {@code manageable} free-ratio
 * options, which a running JVM lets itself be given) and shrunk once; later, when the committed heap has
 * grown past {@link #LIMIT} again, one collection shrinks it back. What is live is a few MiB, so each of these
 * collections takes milliseconds, and there are a handful per gigabyte of input.
 */
public final class HeapBound {

	/** Committed heap above which the next check collects and shrinks it. */
	static final long LIMIT = 96L << 20;

	private final Runtime runtime = Runtime.getRuntime();
	private long checks;

	private HeapBound() {
	}

	/** Asks this JVM to keep its heap small (where it lets itself be asked) and shrinks it now. */
	public static HeapBound start() {
		try {
			HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			vm.setVMOption("MinHeapFreeRatio", "5");
			vm.setVMOption("MaxHeapFreeRatio", "10");
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
