package eu.eccp.reporting;

import eu.eccp.shared.OrganisationId;

/** Published when the indicators of a report have been extracted and stored (again, on a replay). */
public record ReportIndicatorsExtracted(ReportId reportId, OrganisationId owner) {
}
