package eu.eccp.training.internal;

import eu.eccp.shared.Labelled;

/**
 * Where an application stands: an official applies, their national training coordinator nominates it (within the
 * country's quota) or turns it down, the organiser accepts or wait-lists it; a place freed by a withdrawal goes to
 * the first on the wait list; an accepted participant who attended is marked completed. Cancelling the course ends
 * every application and place that still stood.
 */
@Labelled("training.enrolment")
public enum EnrolmentStatus {
	APPLIED,
	NOMINATED,
	NOT_NOMINATED,
	ACCEPTED,
	WAIT_LISTED,
	DECLINED,
	WITHDRAWN,
	COMPLETED,
	/** The course was cancelled while the application or place still stood. */
	CANCELLED;

	/** Whether the enrolment counts against the country's quota (a nomination that still stands). */
	public boolean holdsQuota() {
		return this == NOMINATED || this == ACCEPTED || this == WAIT_LISTED || this == COMPLETED;
	}

	/** Whether the enrolment holds a seat of the course. */
	public boolean holdsSeat() {
		return this == ACCEPTED || this == COMPLETED;
	}
}
