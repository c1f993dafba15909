/**
 * The EU block list for ISPs (issue 15): entries proposed from items that were not removed, approved by a
 * second person with the block-list role, published per country as consecutive, Ed25519-signed versions of
 * SHA-256 hashes of canonical URL expressions (full list or delta), a clear-text RPZ zone of whole-host
 * entries for ISPs allowed it, expiry through a removal check, withdrawal, and a public review page.
 *
 * <p>Published: {@link eu.eccp.blocklist.BlockListProposals} (what takedown calls with a
 * {@link eu.eccp.blocklist.ProposedEntry}), {@link eu.eccp.blocklist.RemovalCheck} (what the hosting
 * module's prober implements), {@link eu.eccp.blocklist.BlockListCommand} (the jar's {@code blocklist}
 * command, no Spring) and the ISP-side library in {@code eu.eccp.blocklist.isp}.
 */
@NullMarked
@ApplicationModule(displayName = "Block list", allowedDependencies = { "shared", "audit", "organisations", "notifications" })
package eu.eccp.blocklist;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
