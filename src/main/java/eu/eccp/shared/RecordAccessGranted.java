package eu.eccp.shared;

import java.util.UUID;

/**
 * Published when the owner of a record lets another organisation see it (after a request following a
 * hit). The module that owns records of {@code sourceKind} honours it in its own visibility checks.
 */
public record RecordAccessGranted(String sourceKind, UUID sourceId, OrganisationId grantee) {
}
