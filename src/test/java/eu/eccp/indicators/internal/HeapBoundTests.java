package eu.eccp.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

/** The command line's heap bound: the free share it asks the JVM for, whatever the JVM had before. */
class HeapBoundTests {

	private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

	@AfterEach
	void restoreHotSpotsDefaults() {
		// each step keeps the minimum at most the maximum, whatever a test left
		set("MinHeapFreeRatio", Math.min(option("MinHeapFreeRatio"), 40));
		set("MaxHeapFreeRatio", 70);
		set("MinHeapFreeRatio", 40);
	}

	@Test
	void asksForHotSpotsFreeShareWhenTheJvmKeptLessFree() {
		// a JVM started with a tight bound (the command line's own bound before 2026-12-02): the maximum is below
		// the minimum asked for, so the maximum must be raised first
		set("MinHeapFreeRatio", 5);
		set("MaxHeapFreeRatio", 10);

		HeapBound.start();

		assertThat(option("MinHeapFreeRatio")).isEqualTo(HeapBound.MIN_FREE_PERCENT);
		assertThat(option("MaxHeapFreeRatio")).isEqualTo(HeapBound.MAX_FREE_PERCENT);
	}

	@Test
	void asksForHotSpotsFreeShareWhenTheJvmKeptMoreFree() {
		set("MaxHeapFreeRatio", 95);
		set("MinHeapFreeRatio", 90);

		HeapBound.start();

		assertThat(option("MinHeapFreeRatio")).isEqualTo(HeapBound.MIN_FREE_PERCENT);
		assertThat(option("MaxHeapFreeRatio")).isEqualTo(HeapBound.MAX_FREE_PERCENT);
	}

	private void set(String name, int percent) {
		vm.setVMOption(name, Integer.toString(percent));
	}

	private int option(String name) {
		return Integer.parseInt(vm.getVMOption(name).getValue());
	}
}
