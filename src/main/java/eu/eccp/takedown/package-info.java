/**
 * Illegal content: child sexual abuse material, terrorist content, racist and xenophobic incitement and other
 * illegal content reported by web address. Each address is an <em>item</em> (matched again in any written form,
 * so a second report joins the item and learns who handles it since when), assessed by a hotline under a
 * per-country legality matrix with four-eyes confirmation, matched against known media hashes (exact and PDQ),
 * located (hosting country and provider), forwarded to the hosting country's hotline, and followed through
 * notices and removal orders to its removal, with every step's time kept.
 *
 * <p>The platform never fetches, stores or displays the content itself: only addresses (shown defanged),
 * hashes and what people recorded.
 *
 * <p>Published: {@link eu.eccp.takedown.ContentIntake} (the reporting module hands over the web addresses of
 * its illegal-content reports), {@link eu.eccp.takedown.ContentRouting} (which organisation handles illegal
 * content from a country), {@link eu.eccp.takedown.ReportedContent}, {@link eu.eccp.takedown.ReportedCategory},
 * {@link eu.eccp.takedown.ItemId}, and {@link eu.eccp.takedown.ItemLocations} with
 * {@link eu.eccp.takedown.LookedUpLocation} (where a lookup found an item's host), and {@link eu.eccp.takedown.RemovalChecks}
 * (what a removal check saw).
 *
 * <p>It proposes block-list entries through the block list's published {@link eu.eccp.blocklist.BlockListProposals}
 * and opens preservation requests through the contact points' {@link eu.eccp.contactpoints.PreservationRequests};
 * neither module knows takedown.
 */
@NullMarked
@ApplicationModule(displayName = "Illegal content and takedown",
		allowedDependencies = { "shared", "organisations", "audit", "notifications", "indicators", "hosting", "blocklist",
				"contactpoints" })
package eu.eccp.takedown;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
