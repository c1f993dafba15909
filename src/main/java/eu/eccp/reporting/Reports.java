package eu.eccp.reporting;

import java.util.Optional;

/** What other modules may ask of reporting. */
public interface Reports {

	/** A report's reference and classification, if the caller may see the report. */
	Optional<ReportSummary> summaryFor(eu.eccp.shared.CallerContext caller, ReportId id);

	/** The same, found by the report's reference (e.g. {@code ECCP-7KQ2-M4XD-9P}). */
	Optional<ReportSummary> summaryFor(eu.eccp.shared.CallerContext caller, String reference);

	/** The processing queue's state, for the platform's administrators (no report content). */
	ReportProcessingBacklog processingBacklog();
}
