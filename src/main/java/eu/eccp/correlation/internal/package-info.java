@NullMarked
package eu.eccp.correlation.internal;

import org.jspecify.annotations.NullMarked;
