@NullMarked
package eu.eccp.reporting.internal;

import org.jspecify.annotations.NullMarked;
