@NullMarked
package eu.eccp.takedown.internal;

import org.jspecify.annotations.NullMarked;
