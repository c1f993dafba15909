/** The hosting module's API endpoints. */
@NullMarked
package eu.eccp.hosting.web;

import org.jspecify.annotations.NullMarked;
