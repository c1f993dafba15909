/** The hosting module's internals: IP data import and lookup, DNS resolution, CDN list, network contacts, HTTP probe. */
@NullMarked
package eu.eccp.hosting.internal;

import org.jspecify.annotations.NullMarked;
