package eu.eccp.reporting;

import java.util.List;

/**
 * Published, in the transaction that stores a batch's indicators, with the non-personal facts of the batch's new
 * reports (duplicates are never in it). Published again if the batch is processed again after a crash, so
 * listeners must treat a report they already know as known.
 */
public record ReportsCounted(List<ReportFacts> reports) {

	public ReportsCounted {
		reports = List.copyOf(reports);
	}
}
