package eu.eccp.takedown.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.Tlp;
import eu.eccp.takedown.ReportedCategory;

/** A content report whose fields are checked: the addresses read, the hashes normalised. */
record ValidContentReport(ReportedCategory category, List<Given> urls, @Nullable String description,
		List<MediaHash> hashes, @Nullable String organisationReference, Tlp tlp) {

	/** An address as given and as read. */
	record Given(String text, ContentUrl url) {
	}
}
