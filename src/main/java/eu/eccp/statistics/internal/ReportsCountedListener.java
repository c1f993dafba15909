package eu.eccp.statistics.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.reporting.ReportsCounted;

/**
 * Counts each batch of new reports. The event publication registry keeps the event until this has committed, so
 * a crash in between hands the batch over again, and counting a known report again changes nothing.
 */
@Component
class ReportsCountedListener {

	private final Rollups rollups;

	ReportsCountedListener(Rollups rollups) {
		this.rollups = rollups;
	}

	@ApplicationModuleListener
	void on(ReportsCounted event) {
		rollups.record(event.reports());
	}
}
