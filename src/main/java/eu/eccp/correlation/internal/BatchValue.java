package eu.eccp.correlation.internal;

import java.time.Instant;

import eu.eccp.correlation.ObservedIndicator;

/** What a batch says of one indicator value: when it was seen first and last, and by how many new records. */
final class BatchValue {

	final ObservedIndicator indicator;
	Instant first;
	Instant last;
	/** Distinct records created by this batch that carry it: sightings known to be new before inserting them. */
	int newCarriers;

	BatchValue(ObservedIndicator indicator, Instant at) {
		this.indicator = indicator;
		this.first = at;
		this.last = at;
	}
}
