package eu.eccp.reporting;

import java.time.Instant;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/** A report as other modules may show it to a caller who may see it: reference and classification only. */
public record ReportSummary(ReportId id, String reference, Offence offence, ReportStatus status, OrganisationId owner,
		Tlp tlp, Instant submittedAt) {
}
