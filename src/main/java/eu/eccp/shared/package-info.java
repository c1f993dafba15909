/**
 * Value types shared by every module: identifiers, country codes, TLP markings, and the
 * caller context that every query filters by.
 */
@NullMarked
package eu.eccp.shared;

import org.jspecify.annotations.NullMarked;
