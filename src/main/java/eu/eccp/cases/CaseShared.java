package eu.eccp.cases;

import eu.eccp.shared.OrganisationId;

/** An invited unit accepted and is now a member of the case. */
public record CaseShared(CaseId caseId, OrganisationId member) {
}
