/** The block list's entries, per-country versions and documents, signing keys, ISP syncs, expiry and reviews. */
@NullMarked
package eu.eccp.blocklist.internal;

import org.jspecify.annotations.NullMarked;
