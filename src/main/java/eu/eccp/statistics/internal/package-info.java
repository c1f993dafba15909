@NullMarked
package eu.eccp.statistics.internal;

import org.jspecify.annotations.NullMarked;
