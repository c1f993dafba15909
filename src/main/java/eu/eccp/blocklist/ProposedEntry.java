package eu.eccp.blocklist;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A proposal for the block list, as the takedown module (or an analyst) makes it for an assessed item that was
 * not removed.
 *
 * @param sourceItem the takedown item it comes from (its id or reference; opaque here), or null
 * @param url the URL of the content
 * @param category the content's category, e.g. {@code CSAM}
 * @param illegalIn the countries where the content is illegal (from the legality matrix): only they get the entry
 * @param reasonCode why it is blocked, e.g. {@code HOSTED_OUTSIDE_EU} or {@code REMOVAL_DEADLINE_PASSED}
 * @param dedicatedHost whether the whole host is dedicated to the content: then the whole host is blocked,
 *        otherwise only the URL (a directory URL, ending in {@code /}, with everything under it)
 */
public record ProposedEntry(@Nullable String sourceItem, String url, String category, Set<String> illegalIn,
		String reasonCode, StopPage stopPage, boolean dedicatedHost) {

	/** The text of the page users see instead of the content, in English, French and German. */
	public record StopPage(String en, String fr, String de) {
	}
}
