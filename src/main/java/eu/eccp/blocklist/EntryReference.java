package eu.eccp.blocklist;

import java.util.UUID;

/** A block-list entry: its id and the public reference code shown on its stop page. */
public record EntryReference(UUID id, String referenceCode) {
}
