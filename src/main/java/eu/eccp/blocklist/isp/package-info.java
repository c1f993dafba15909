/**
 * The ISP side of the block list, usable without Spring, database or server: URL canonicalisation and
 * host-suffix / path-prefix expressions ({@link eu.eccp.blocklist.isp.UrlCanonicalizer},
 * {@link eu.eccp.blocklist.isp.UrlExpressions}), the signed list format
 * ({@link eu.eccp.blocklist.isp.ListDocument}, {@link eu.eccp.blocklist.isp.KeySetDocument}), the compact
 * hashed set and its matcher ({@link eu.eccp.blocklist.isp.HashedBlockList},
 * {@link eu.eccp.blocklist.isp.UrlMatcher}), the local copy, and the {@code blocklist sync} and
 * {@code blocklist check} commands. The platform side uses the same format classes to publish.
 */
@NullMarked
package eu.eccp.blocklist.isp;

import org.jspecify.annotations.NullMarked;
