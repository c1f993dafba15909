package eu.eccp.correlation;

import java.util.UUID;

import eu.eccp.shared.OrganisationId;

/**
 * Published by correlation when the owner of a record lets another organisation see it (after that
 * organisation asked for access following a hit). The module that owns records of {@code sourceKind} honours it in its own visibility checks.
 */
public record RecordAccessGranted(String sourceKind, UUID sourceId, OrganisationId grantee) {
}
