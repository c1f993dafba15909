package eu.eccp.correlation;

import java.util.UUID;

import eu.eccp.shared.OrganisationId;

/** Published for each new hit: an organisation's record shares a linking indicator with another country's. */
public record CrossBorderHitFound(UUID hitId, OrganisationId organisation) {
}
