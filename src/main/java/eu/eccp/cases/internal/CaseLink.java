package eu.eccp.cases.internal;

import java.time.Instant;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * A record the case absorbed: {@code kind} REPORT, HIT, CLUSTER or INDICATOR, {@code ref} its id (or
 * {@code TYPE:value} for an indicator), {@code label} what members see (a report's reference, never its content).
 */
public record CaseLink(String kind, String ref, String label, OrganisationId addedBy, UserId addedByUser,
		Instant addedAt) {

	/** Where a member follows the link, if it leads to a page. */
	public String path() {
		return switch (kind) {
			case "REPORT" -> "/reports/" + ref;
			case "HIT" -> "/hits/" + ref;
			case "CLUSTER" -> "/clusters/" + ref;
			case "INDICATOR" -> "/indicators?q=" + java.net.URLEncoder.encode(ref.substring(ref.indexOf(':') + 1),
					java.nio.charset.StandardCharsets.UTF_8);
			default -> "";
		};
	}
}
