package eu.eccp.reporting;

import eu.eccp.shared.OrganisationId;

/** Published when a new report (not a duplicate) is stored and routed to {@code owner}. */
public record ReportSubmitted(ReportId reportId, OrganisationId owner) {
}
