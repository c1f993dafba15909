package eu.eccp.takedown;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/**
 * A report of the reporting module that names illegal content: its web addresses as the reporter gave them.
 *
 * @param handler the organisation the report was routed to (it handles the items the report creates)
 * @param submitter the organisation that submitted it, or null for a member of the public
 */
public record ReportedContent(UUID reportId, String reference, OrganisationId handler,
		@Nullable OrganisationId submitter, ReportedCategory category, List<String> urls, Tlp tlp,
		Instant reportedAt) {

	public ReportedContent {
		urls = List.copyOf(urls);
	}
}
