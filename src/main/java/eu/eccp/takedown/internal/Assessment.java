package eu.eccp.takedown.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;

/**
 * One organisation's assessment of an item.
 *
 * @param assessedBy the analyst, or null when known media hashes classified it
 * @param victimIdentification the material may show a victim not yet identified (flag for victim identification)
 * @param needsConfirmation whether a second analyst must confirm it (four-eyes) before a notice leaves
 */
public record Assessment(UUID id, ItemId item, OrganisationId organisation, @Nullable UUID assessedBy,
		ContentCategory category, @Nullable MediaType mediaType, @Nullable Integer mediaCount,
		boolean victimIdentification, String reason, boolean automatic, Instant assessedAt, boolean needsConfirmation,
		@Nullable UUID confirmedBy, @Nullable Instant confirmedAt, boolean superseded) {

	/** What kind of media the item shows. */
	public enum MediaType {
		IMAGE, VIDEO, TEXT, AUDIO, MIXED, OTHER
	}

	/** Whether it counts: not waiting for a second analyst, not replaced by a later one. */
	public boolean effective() {
		return !superseded && (!needsConfirmation || confirmedAt != null);
	}

	public boolean awaitingConfirmation() {
		return !superseded && needsConfirmation && confirmedAt == null;
	}
}
