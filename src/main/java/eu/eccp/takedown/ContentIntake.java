package eu.eccp.takedown;

import java.util.List;

/**
 * Takes the web addresses of illegal-content reports into items. Joins the caller's transaction and is
 * idempotent: handing the same report over again (a batch retried after a crash) changes nothing.
 */
public interface ContentIntake {

	/** One item per distinct web address; an address already known joins its item. */
	void fromReports(List<ReportedContent> reports);
}
