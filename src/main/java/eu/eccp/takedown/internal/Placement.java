package eu.eccp.takedown.internal;

import java.time.Instant;

import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;

/**
 * Where a reported address went: a new item, or an existing one (de-confliction: who handles it since when).
 *
 * @param newSource whether this placement recorded its source (report) on the item; false when the same source
 *        was placed before (a batch handed over again, an idempotent replay), so nobody is told twice
 */
public record Placement(ItemId item, String url, boolean created, OrganisationId handler, Instant handledSince,
		boolean newSource) {

	Placement withNewSource(boolean fresh) {
		return new Placement(item, url, created, handler, handledSince, fresh);
	}
}
