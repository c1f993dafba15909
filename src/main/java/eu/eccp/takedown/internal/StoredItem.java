package eu.eccp.takedown.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.takedown.ItemId;
import eu.eccp.takedown.ReportedCategory;

/**
 * An item as stored: its address, who handles it since when, its current assessment, where it is hosted (if
 * known), and the timestamps of each step to its removal.
 *
 * @param removedAt when the host said it removed it
 * @param removalSeenAt when the removal check saw it gone
 */
public record StoredItem(ItemId id, String url, String urlKey, String host, ReportedCategory reportedCategory, Tlp tlp,
		ItemStatus status, OrganisationId handler, Instant handledSince, @Nullable ContentCategory category,
		@Nullable HostingLocation hosting, Instant reportedAt, @Nullable Instant assessedAt,
		@Nullable Instant forwardedAt, @Nullable Instant noticeSentAt, @Nullable Instant acknowledgedAt,
		@Nullable Instant removedAt, @Nullable Instant removalSeenAt, boolean blockListCandidate) {

	/** The address for pages: defanged, never a link. */
	public String defangedUrl() {
		return ContentUrl.defanged(url);
	}

	/** The first moment it was known to be gone (as the host said or as the check saw). */
	public @Nullable Instant goneAt() {
		if (removedAt == null) {
			return removalSeenAt;
		}
		return removalSeenAt == null || removedAt.isBefore(removalSeenAt) ? removedAt : removalSeenAt;
	}
}
