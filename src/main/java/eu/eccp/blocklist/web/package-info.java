/** The block list's API, its public stop and review pages, and the officers' page. */
@NullMarked
package eu.eccp.blocklist.web;

import org.jspecify.annotations.NullMarked;
