package eu.eccp.organisations;

import eu.eccp.shared.OrganisationId;

/** Published when a new organisation joins the platform. */
public record OrganisationRegistered(OrganisationId organisationId) {
}
