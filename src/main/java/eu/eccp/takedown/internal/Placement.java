package eu.eccp.takedown.internal;

import java.time.Instant;

import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;

/**
 * Where a reported address went: a new item, or an existing one (de-confliction: who handles it since when).
 */
public record Placement(ItemId item, String url, boolean created, OrganisationId handler, Instant handledSince) {
}
