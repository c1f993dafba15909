package eu.eccp.reporting;

/** Where a report stands. The reporter sees it in plain words on the status page. */
@eu.eccp.shared.Labelled("reportstatus")
public enum ReportStatus {
	RECEIVED, IN_REVIEW, LINKED_TO_CASE, REFERRED, CLOSED,
	/** An exact resubmission of an earlier report; not new work. */
	DUPLICATE;

	public boolean isOpen() {
		return this == RECEIVED || this == IN_REVIEW;
	}
}
