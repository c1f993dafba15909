/**
 * How indicators are found: a refanging pre-pass, one left-to-right scanner, and one validator and
 * canonicaliser per type.
 */
@NullMarked
package eu.eccp.indicators.internal;

import org.jspecify.annotations.NullMarked;
