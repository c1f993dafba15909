package eu.eccp.cases;

import eu.eccp.shared.OrganisationId;

/** A unit opened a case. */
public record CaseOpened(CaseId caseId, OrganisationId owner) {
}
